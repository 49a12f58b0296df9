# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect
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
    session.commit()

# %% load
session = Session(engine)
alice = session.get(User, 1)
print(len(alice.addresses))

# %% expire
session.expire(alice)
print(sorted(inspect(alice).expired_attributes))
print(alice.name)
print(sorted(inspect(alice).unloaded))
print(len(alice.addresses))

# %% expire-some
alice.name = "Alice"
print(session.is_modified(alice))
session.expire(alice, ["name"])
print(session.is_modified(alice))
print(alice.name)

# %% refresh
alice.name = "Alice"
session.refresh(alice)
print(alice.name)
print(sorted(inspect(alice).unloaded))

# %% refresh-some
session.refresh(alice, ["addresses"])
print(sorted(inspect(alice).unloaded))
session.close()
