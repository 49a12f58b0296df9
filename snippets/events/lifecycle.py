# %% setup
from sqlalchemy import String, create_engine, event, insert, inspect, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    make_transient,
    make_transient_to_detached,
    mapped_column,
    sessionmaker,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(User).values(id=10, name="bob"))
make_session = sessionmaker(engine)

# %% listeners
names = [
    "transient_to_pending",
    "pending_to_transient",
    "pending_to_persistent",
    "persistent_to_transient",
    "persistent_to_deleted",
    "deleted_to_persistent",
    "deleted_to_detached",
    "persistent_to_detached",
    "detached_to_persistent",
    "loaded_as_persistent",
]


def listen(name):
    @event.listens_for(make_session, name)
    def report(session, obj, *args):
        print(">>", name)


for name in names:
    listen(name)

# %% pending
session = make_session()
alice = User(name="alice")
session.add(alice)
session.expunge(alice)

# %% persistent
session.add(alice)
session.flush()
session.rollback()
session.add(alice)
session.commit()

# %% deleted
session.delete(alice)
print("flush")
session.flush()
session.rollback()

# %% detached
session.close()
session.add(alice)
session.delete(alice)
session.commit()
session.close()

# %% loaded
session = make_session()
bob = session.scalars(select(User)).one()

# %% make-transient
make_transient(bob)
print(inspect(bob).transient)
make_transient_to_detached(bob)
print(inspect(bob).detached)
session.add(bob)
session.close()

# %% no-expire
session = make_session(expire_on_commit=False)
bob = session.get(User, 10)
session.delete(bob)
session.commit()
session.close()
print(inspect(bob).deleted, inspect(bob).detached)
