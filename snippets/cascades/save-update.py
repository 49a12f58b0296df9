# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect, select
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

# %% read-cascade
print(inspect(User).relationships["addresses"].cascade)
print(inspect(Address).relationships["user"].cascade)
print(relationship("Address", cascade="all").cascade)
print(relationship("Address", cascade="none").cascade)

# %% add-parent
session = Session(engine)
alice = User(name="alice", addresses=[Address(email="alice@example.com")])
session.add(alice)
print(alice.addresses[0] in session)
session.commit()

# %% append
alice = session.scalars(select(User).where(User.name == "alice")).one()
work = Address(email="alice@work.example")
print(work in session)
alice.addresses.append(work)
print(work in session)
session.commit()
session.close()

# %% default-expire-expunge
session = Session(engine)
alice = session.get(User, 1)
address = alice.addresses[0]
session.expire(alice)
print(sorted(inspect(address).unloaded))
session.expunge(alice)
print(alice in session, address in session)
session.close()
