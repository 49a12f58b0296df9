# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user", cascade="all")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
session.add(User(name="alice", addresses=[Address(email="a@example.com")]))
session.commit()

# %% load
alice = session.get(User, 1)
address = alice.addresses[0]
print(sorted(inspect(address).unloaded))

# %% expire
session.expire(alice)
print(sorted(inspect(alice).unloaded))
print(sorted(inspect(address).unloaded))

# %% reload
print(alice.name, [a.email for a in alice.addresses])

# %% refresh
session.refresh(alice)
print(sorted(inspect(alice).unloaded))
print(sorted(inspect(address).unloaded))

# %% expunge
print(len(alice.addresses))
session.expunge(alice)
print(alice in session, address in session)
session.close()

# %% expunge-unloaded
session = Session(engine)
alice = session.get(User, 1)
address = session.get(Address, 1)
print("addresses" in inspect(alice).unloaded)
session.expunge(alice)
print(alice in session, address in session)
session.close()
