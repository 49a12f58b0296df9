# %% setup
from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", deferrable=True, initially="DEFERRED")
    )


engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def enable_foreign_keys(dbapi_connection, connection_record):
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


Base.metadata.create_all(engine)

# %% reproduce
session = Session(engine)
session.add(Address(email="nobody@example.com", user_id=42))
try:
    session.commit()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig)
try:
    session.scalars(select(Address)).all()
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)


# %% fix
@event.listens_for(engine, "reset")
def on_reset(dbapi_connection, connection_record, reset_state):
    print(
        ">> pool reset, driver in transaction:",
        dbapi_connection.in_transaction,
        "| rollback skipped:",
        reset_state.transaction_was_reset,
    )


session.rollback()
print(session.scalars(select(Address.email)).all())
session.close()

# %% close-instead
session = Session(engine)
session.add(Address(email="ghost@example.com", user_id=43))
try:
    session.commit()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig)
session.close()
with Session(engine) as other:
    print(other.scalars(select(Address.email)).all())
