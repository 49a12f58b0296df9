# %% setup
from sqlalchemy import create_engine, select
from sqlalchemy.exc import UnboundExecutionError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int]


users_engine = create_engine("sqlite://", echo=True)
addresses_engine = create_engine("sqlite://", echo=True)
User.__table__.create(users_engine)
Address.__table__.create(addresses_engine)

# %% binds
with Session(binds={User: users_engine, Address: addresses_engine}) as session:
    alice = User(name="alice")
    session.add(alice)
    session.flush()
    session.add(Address(email="alice@example.com", user_id=alice.id))
    session.commit()
    print(session.get_bind(User) is users_engine, session.get_bind(Address) is addresses_engine)

# %% unbound
with Session(binds={User: users_engine}) as session:
    try:
        session.scalars(select(Address)).all()
    except UnboundExecutionError as exc:
        print(type(exc).__name__, exc)
