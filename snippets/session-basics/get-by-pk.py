# %% setup
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


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
with Session(engine) as session:
    session.add(User(name="alice", addresses=[Address(email="alice@example.com")]))
    session.add(User(name="bob"))
    session.commit()

# %% miss
session = Session(engine)
alice = session.get(User, 1)
print(alice.name)

# %% hit
print(session.get(User, 1) is alice)

# %% expired
session.expire(alice, ["name"])
print(session.get(User, 1) is alice)
session.expire(alice)
print(session.get(User, 1) is alice)

# %% many-to-one
address = session.scalars(select(Address)).one()
print(address.user is alice)

# %% not-found
print(session.get(User, 99))

# %% get-one
try:
    session.get_one(User, 99)
except NoResultFound as exc:
    print(type(exc).__name__, exc)
session.close()
