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

# %% autobegin
session = Session(engine)
print(session.in_transaction())
session.add(User(name="alice"))
print(session.in_transaction(), len(session.get_transaction().connections))
session.scalars(select(User)).all()
print(session.in_transaction(), len(session.get_transaction().connections))
session.commit()
session.close()

# %% already-begun
session = Session(engine)
alice = session.get(User, 1)
try:
    session.begin()
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)
session.close()

# %% autobegin-false
session = Session(engine, autobegin=False)
try:
    session.scalars(select(User)).all()
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% explicit-begin
session.begin()
print(session.scalars(select(User.name)).all())
session.commit()
print(session.in_transaction())
try:
    session.scalars(select(User)).all()
except InvalidRequestError as exc:
    print(type(exc).__name__)
session.close()
