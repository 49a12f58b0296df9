# %% setup
from sqlalchemy import String, create_engine, inspect, select
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
with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% close
session = Session(engine)
alice = session.get(User, 1)
bob = User(name="bob")
session.add(bob)
session.close()
print(inspect(alice).detached, alice.name, len(session.identity_map))
print(inspect(bob).transient)
print(session.scalars(select(User.name)).all())
session.close()

# %% close-final
session = Session(engine, close_resets_only=False)
session.close()
try:
    session.scalars(select(User.name)).all()
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% reset
session = Session(engine, close_resets_only=False)
alice = session.get(User, 1)
session.reset()
print(inspect(alice).detached)
print(session.scalars(select(User.name)).all())
session.close()
