# %% setup
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)


def state(obj):
    insp = inspect(obj)
    flags = ["transient", "pending", "persistent", "deleted", "detached"]
    return [flag for flag in flags if getattr(insp, flag)]


# %% transient
alice = User(name="alice")
print(state(alice), inspect(alice).identity_key)

# %% pending
session = Session(engine)
session.add(alice)
print(state(alice), alice in session, alice in session.new)
print(alice.id, len(session.identity_map))

# %% persistent
session.flush()
print(state(alice), alice in session, alice in session.new)
print(inspect(alice).identity_key)
print(session.identity_map[inspect(alice).identity_key] is alice)

# %% dirty
alice.name = "alice"
print(alice in session.dirty, session.is_modified(alice))
session.flush()
alice.name = "Alice"
print(alice in session.dirty, session.is_modified(alice))

# %% commit
session.commit()
print(state(alice), alice in session.dirty)
print(sorted(inspect(alice).expired_attributes))
session.close()
