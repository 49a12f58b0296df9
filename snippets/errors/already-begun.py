# %% setup
from sqlalchemy import String, create_engine
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
with Session(engine) as session:
    session.add(User(name="alice"))
    print(session.in_transaction())
    try:
        session.begin()
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)

# %% fix
with Session(engine) as session, session.begin():
    session.add(User(name="alice"))
