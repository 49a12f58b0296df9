# %% setup
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import get_history


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

# %% history
session = Session(engine)
alice = session.get(User, 1)
print(inspect(alice).attrs.name.history)
alice.name = "Alice"
print(inspect(alice).attrs.name.history)
print(get_history(alice, "name"))

# %% flushed
session.flush()
print(inspect(alice).attrs.name.history)

# %% same-value
alice.name = "Alice"
print(alice in session.dirty, session.is_modified(alice))
print(inspect(alice).attrs.name.history)
session.flush()

# %% unloaded
session.expire(alice)
alice.name = "Alice"
print(inspect(alice).attrs.name.history)
print(alice in session.dirty, session.is_modified(alice))
session.commit()
session.close()
