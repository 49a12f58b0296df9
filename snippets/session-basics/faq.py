# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    object_session,
    relationship,
    sessionmaker,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% factory
SessionLocal = sessionmaker(engine)


def add_user(session, name):
    user = User(name=name)
    session.add(user)
    return user


# %% one-per-job
def import_users(names):
    with SessionLocal.begin() as session:
        for name in names:
            add_user(session, name)


import_users(["alice", "bob"])

# %% not-a-cache
session = SessionLocal()
alice = session.scalars(select(User).where(User.name == "alice")).one()
print(session.scalars(select(User).where(User.name == "alice")).one() is alice)
print(session.get(User, 1) is alice)
print(session.merge(User(id=1, name="alice")) is alice)

# %% weak-ref
bob = session.get(User, 2)
print(len(session.identity_map))
del bob
print(len(session.identity_map))
bob = session.get(User, 2)
bob.name = "Bob"
del bob
print(len(session.identity_map))
session.flush()
print(len(session.identity_map))
bob = session.get(User, 2)
session.delete(bob)
del bob
print(len(session.identity_map))

# %% object-session
print(object_session(alice) is session, inspect(alice).session is session)
session.close()
print(object_session(alice), inspect(alice).session)
