# %% setup
from sqlalchemy import String, create_engine, select
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
session = Session(engine, autobegin=False)
with session.begin():
    session.add(User(name="alice"))
print(session.in_transaction())
try:
    session.scalars(select(User.name)).all()
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% expired
with session.begin():
    user = session.scalars(select(User)).one()
try:
    print(user.name)
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% fix
with session.begin():
    print(session.scalars(select(User.name)).all())
session.close()
