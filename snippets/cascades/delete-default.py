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
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User | None] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice", addresses=[Address(email="a@example.com")]))
    session.commit()

# %% delete-parent
with Session(engine) as session:
    alice = session.get(User, 1)
    session.delete(alice)
    session.commit()

# %% orphans-remain
with Session(engine) as session:
    print(session.execute(select(Address.email, Address.user_id)).all())

# %% scalar
with Session(engine) as session:
    bob = User(name="bob", addresses=[Address(email="b@example.com")])
    session.add(bob)
    session.flush()
    address = bob.addresses[0]
    session.delete(bob)
    session.flush()
    print(address.user is bob, inspect(bob).deleted, address.user_id)
    session.expire(address)
    print(address.user)
