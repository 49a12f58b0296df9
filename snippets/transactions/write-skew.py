# %% setup
from sqlalchemy import ForeignKey, create_engine, func, select
from sqlalchemy.exc import OperationalError
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
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(id=1, name="alice"), User(id=2, name="bob")])
    session.flush()
    for user_id, name in [(1, "alice"), (2, "bob")]:
        session.add_all(
            [
                Address(email=f"{name}@home", user_id=user_id),
                Address(email=f"{name}@work", user_id=user_id),
            ]
        )
    session.commit()


def remove_unless_last(session, user_id, email):
    count = session.scalar(select(func.count()).where(Address.user_id == user_id))
    if count > 1:
        address = session.scalars(select(Address).where(Address.email == email)).one()
        session.delete(address)
        session.flush()


def both_remove(level, user_id, name):
    session_a = Session(engine.execution_options(isolation_level=level))
    session_b = Session(engine.execution_options(isolation_level=level))
    remove_unless_last(session_a, user_id, f"{name}@home")
    remove_unless_last(session_b, user_id, f"{name}@work")
    session_a.commit()
    try:
        session_b.commit()
    except OperationalError as exc:
        print(type(exc).__name__, exc.orig.sqlstate, exc.orig)
        session_b.rollback()
    with Session(engine) as session:
        print(session.scalars(select(Address.email).where(Address.user_id == user_id)).all())


# %% repeatable_read
both_remove("REPEATABLE READ", 1, "alice")

# %% serializable
both_remove("SERIALIZABLE", 2, "bob")
engine.dispose()
