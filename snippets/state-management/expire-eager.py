# %% setup
from sqlalchemy import ForeignKey, String, Text, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    bio: Mapped[str] = mapped_column(Text, deferred=True)
    addresses: Mapped[list["Address"]] = relationship(back_populates="user", lazy="selectin")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    user = User(name="alice", bio="...", addresses=[Address(email="alice@example.com")])
    session.add(user)
    session.commit()

# %% expire
session = Session(engine)
alice = session.get(User, 1)
session.expire(alice)
print(alice.name)
print(sorted(inspect(alice).unloaded))

# %% refresh
session.refresh(alice)
print(sorted(inspect(alice).unloaded))
session.close()
