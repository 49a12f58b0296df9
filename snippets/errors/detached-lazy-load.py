# %% setup
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)
from sqlalchemy.orm.exc import DetachedInstanceError


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

# %% reproduce
with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "alice")).one()

try:
    print(alice.addresses)
except DetachedInstanceError as exc:
    print(type(exc).__name__, exc)

# %% fix
with Session(engine) as session:
    stmt = select(User).where(User.name == "alice").options(selectinload(User.addresses))
    alice = session.scalars(stmt).one()

print(alice.addresses[0].email)
