# %% setup
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
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
    email: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    alice, bob = User(name="alice"), User(name="bob")
    session.add(Address(email="a@example.com", user=alice))
    session.add(bob)
    session.commit()
session = Session(engine)

# %% set-fk
address = session.get(Address, 1)
alice = address.user
address.user_id = 2
print(address.user.name)

# %% collection
print(address in alice.addresses, address.user.name)

# %% expire
session.expire(address, ["user"])
print(address.user.name)
session.rollback()

# %% set-relationship
address = session.get(Address, 1)
address.user = session.get(User, 2)
print(address.user_id)
session.flush()
print(address.user_id)
session.rollback()

# %% both
address = session.get(Address, 1)
address.user = session.get(User, 2)
address.user_id = 1
session.flush()
print(address.user_id)
session.rollback()
session.close()
