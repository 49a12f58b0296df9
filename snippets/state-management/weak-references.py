# %% setup
import gc

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="alice"), User(name="bob")])
    session.commit()

# %% get
session = Session(engine)
alice = session.get(User, 1)
print(len(session.identity_map))
print(session.get(User, 1) is alice)

# %% collected
del alice
gc.collect()
print(len(session.identity_map))
alice = session.get(User, 1)

# %% dirty
bob = session.get(User, 2)
bob.name = "Bob"
del bob
gc.collect()
print([u.name for u in session.identity_map.values()], len(session.dirty))
session.flush()
gc.collect()
print([u.name for u in session.identity_map.values()], len(session.dirty))

# %% pending
session.add(User(name="carol"))
gc.collect()
print(len(session.new))
session.flush()
gc.collect()
print(len(session.new), [u.name for u in session.identity_map.values()])

# %% deleted
session.delete(alice)
del alice
gc.collect()
print(len(session.deleted))
session.close()
