# %% setup
from sqlalchemy import ForeignKey, String, create_engine, func, select
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
with Session(engine) as session:
    emails = ["a@example.com", "b@example.com"]
    session.add(User(name="alice", addresses=[Address(email=e) for e in emails]))
    session.add(User(name="bob", addresses=[Address(email="bob@example.com")]))
    session.commit()

# %% cascade
print(User.addresses.property.cascade)

# %% delete-parent
with Session(engine) as session:
    session.delete(session.get(User, 1))
    print(len(session.deleted))
    session.commit()
    print(session.scalar(select(func.count()).select_from(Address)))

# %% delete-loaded
with Session(engine) as session:
    bob = session.get(User, 2)
    print(len(bob.addresses))
    session.delete(bob)
    session.commit()
