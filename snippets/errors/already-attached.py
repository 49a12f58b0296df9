# %% setup
from sqlalchemy import String, create_engine
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% reproduce
first = Session(engine)
second = Session(engine)
alice = User(name="alice")
first.add(alice)
try:
    second.add(alice)
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% fix
first.expunge(alice)
second.add(alice)
print(alice in first, alice in second)
second.commit()
first.close()
second.close()
