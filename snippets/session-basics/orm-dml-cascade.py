# %% setup
from sqlalchemy import ForeignKey, String, create_engine, delete, select
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
    session.add(User(name="alice", addresses=[Address(email="alice@example.com")]))
    session.add(User(name="bob"))
    session.commit()

# %% bypass
session = Session(engine)
alice, bob = session.scalars(select(User).order_by(User.id)).all()
address = alice.addresses[0]
bob.name = "Bob"
session.execute(delete(User).where(User.name == "alice"))
print(address in session, address.user_id)
print(session.scalars(select(Address.email)).all())
session.rollback()
session.close()
