# %% setup
from sqlalchemy import String, create_engine, event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% reproduce
session = Session(engine)


@event.listens_for(session, "after_rollback")
def count_users(session):
    try:
        print(len(session.scalars(select(User)).all()))
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)


session.add(User(name="alice"))
session.flush()
session.rollback()

# %% fix
event.remove(session, "after_rollback", count_users)


@event.listens_for(session, "after_soft_rollback")
def count_users_later(session, previous_transaction):
    if session.is_active:
        print(len(session.scalars(select(User)).all()))


session.add(User(name="bob"))
session.flush()
session.rollback()
session.close()
