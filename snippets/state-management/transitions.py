# %% setup
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import DetachedInstanceError


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

# %% expunge
session = Session(engine)
alice = session.get(User, 1)
session.expunge(alice)
print(inspect(alice).detached, alice in session, len(session.identity_map))

# %% expunge-pending
carol = User(name="carol")
session.add(carol)
session.expunge(carol)
print(inspect(carol).transient, carol in session)

# %% already-attached
session.add(alice)
other = Session(engine)
try:
    other.add(alice)
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)
other.close()

# %% detached-error
session.commit()
session.close()
try:
    print(alice.name)
except DetachedInstanceError as exc:
    print(type(exc).__name__, exc)

# %% delete-detached
session = Session(engine)
session.delete(alice)
print(inspect(alice).persistent, alice in session.deleted)
session.flush()
print(inspect(alice).deleted)
session.expunge(alice)
print(inspect(alice).detached, inspect(alice).was_deleted)
session.rollback()
session.close()
