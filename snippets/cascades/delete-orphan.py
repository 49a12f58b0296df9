# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect, select
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
    emails = ["a@example.com", "b@example.com", "c@example.com"]
    session.add(User(name="alice", addresses=[Address(email=e) for e in emails]))
    session.commit()

# %% remove
session = Session(engine)
alice = session.get(User, 1)
first = alice.addresses.pop(0)
session.flush()
print(inspect(first).deleted)

# %% reassign
alice.addresses = [Address(email="new@example.com")]
session.commit()
print(session.scalars(select(Address.email)).all())
session.close()
