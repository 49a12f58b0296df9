# %% setup
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, make_transient, mapped_column


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
    alice = User(name="alice")
    session.add(alice)
    session.commit()
    session.delete(alice)
    session.commit()
print(inspect(alice).deleted, inspect(alice).detached)

with Session(engine) as session:
    try:
        session.add(alice)
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)

# %% fix
make_transient(alice)
print(inspect(alice).transient, alice.id, alice.name)
with Session(engine) as session:
    session.add(alice)
    session.commit()
