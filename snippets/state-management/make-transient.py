# %% setup
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    make_transient,
    make_transient_to_detached,
    mapped_column,
)
from sqlalchemy.orm.exc import ObjectDeletedError


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% make-transient
with Session(engine) as session:
    alice = session.get(User, 1)
    make_transient(alice)
    print(inspect(alice).transient, alice.id, alice.name)
    alice.id = None
    session.add(alice)
    session.commit()
    print(alice.id, alice.name)

# %% make-transient-detached
with Session(engine) as session:
    alice = session.get(User, 2)
    session.commit()
print(inspect(alice).detached, sorted(inspect(alice).expired_attributes))
make_transient(alice)
print(inspect(alice).transient, alice.id, alice.name)

# %% to-detached
ghost = User(id=1)
make_transient_to_detached(ghost)
print(inspect(ghost).detached, inspect(ghost).identity_key[1])
with Session(engine) as session:
    session.add(ghost)
    print(inspect(ghost).persistent)
    print(ghost.name)

# %% to-detached-missing
ghost = User(id=99)
make_transient_to_detached(ghost)
with Session(engine) as session:
    session.add(ghost)
    try:
        print(ghost.name)
    except ObjectDeletedError as exc:
        print(type(exc).__name__, exc)
