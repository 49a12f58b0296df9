# %% setup
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
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
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice", addresses=[Address(email="a@example.com")]))
    session.commit()

# %% detach
with Session(engine) as session:
    alice = session.get(User, 1, options=[selectinload(User.addresses)])
alice.addresses[0].email = "alice@example.com"
alice.addresses.append(Address(email="alice@work.example"))

# %% merge
with Session(engine) as session:
    merged = session.merge(alice)
    print(merged is alice, merged.addresses[0] is alice.addresses[0])
    print([a in session for a in merged.addresses])
    session.commit()

# %% merge-collection
with Session(engine) as session:
    session.merge(User(id=1, name="alice", addresses=[]))
    try:
        session.flush()
    except IntegrityError as exc:
        print(type(exc).__name__, exc.orig)
