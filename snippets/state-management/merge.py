# %% setup
from sqlalchemy import String, create_engine, inspect
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
    session.add_all([User(name="alice"), User(name="bob"), User(name="carol")])
    session.commit()

# %% merge
session = Session(engine)
incoming = User(id=1, name="Alice")
alice = session.merge(incoming)
print(alice is incoming, inspect(incoming).transient)
print(inspect(alice).persistent, alice in session.dirty, alice.name)
session.flush()

# %% merge-again
again = session.merge(User(id=1, name="ALICE"))
print(again is alice, alice.name)
session.flush()

# %% merge-new
dave = session.merge(User(id=4, name="dave"))
print(inspect(dave).pending, inspect(dave).identity_key)
session.commit()
print(inspect(dave).persistent)
session.close()

# %% load-false
with Session(engine, expire_on_commit=False) as session:
    bob = session.get(User, 2)
with Session(engine) as session:
    merged = session.merge(bob, load=False)
    session.flush()
    print(inspect(merged).persistent, merged in session.dirty, merged.name)
bob.name = "BOB"
with Session(engine) as session:
    try:
        session.merge(bob, load=False)
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)

# %% merge-all
with Session(engine) as session:
    users = session.merge_all([User(id=2, name="Bob"), User(id=3, name="Carol")])
    print([u.name for u in users], len(session.dirty))
    session.commit()

# %% merge-partial
with Session(engine) as session:
    bob = session.merge(User(id=2))
    print(bob.name, session.is_modified(bob))
    erin = session.merge(User(name="erin"))
    print(inspect(erin).pending, inspect(erin).identity_key)
