# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice", addresses=[Address(email="a@example.com")]))
    session.add(User(name="bob"))
    session.commit()

# %% move
session = Session(engine)
alice, bob = session.get(User, 1), session.get(User, 2)
address = alice.addresses[0]
alice.addresses.remove(address)
try:
    bob.addresses.append(address)
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)
session.rollback()

# %% move-fix
address = alice.addresses[0]
address.user = bob
session.flush()
print(session.execute(select(Address.email, Address.user_id)).all())
session.rollback()

# %% pending-orphan
draft = Address(email="draft@example.com")
alice.addresses.append(draft)
print(inspect(draft).pending)
alice.addresses.remove(draft)
print(inspect(draft).transient)
session.commit()
session.close()
