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
print(alice.addresses[0].email)

# %% expire-object
session.expire(alice)
print(sorted(inspect(alice).unloaded))
print(alice.name)
print(alice.addresses[0].email)

# %% expire-some
session.expire(alice, ["name"])
print(sorted(inspect(alice).unloaded))
print(alice.name)

# %% expire-all
address = alice.addresses[0]
session.expire_all()
print(sorted(inspect(alice).unloaded), sorted(inspect(address).unloaded))

# %% refresh
alice.name = "未保存的名字"
session.add(User(name="carol"))
session.refresh(alice)
print(alice.name)

# %% refresh-some
alice.name = "又一个未保存的名字"
session.refresh(alice, ["name"])
print(alice.name)

# %% for-update
same = session.get(User, 1, populate_existing=True, with_for_update=True)
print(same is alice)
session.close()
