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

# %% commit
session = Session(engine)
alice = User(name="alice")
session.add(alice)
session.commit()
print(inspect(alice).persistent, sorted(inspect(alice).expired_attributes))
print(alice.name)

# %% changes
alice.name = "Alice"
bob = User(name="bob")
session.add(bob)
session.flush()
carol = User(name="carol")
session.add(carol)

# %% rollback
session.rollback()
print(bob in session, carol in session, inspect(bob).transient)
print(alice in session, sorted(inspect(alice).expired_attributes))
print(alice.name)
session.close()
