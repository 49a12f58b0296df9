# %% setup
from sqlalchemy import String, create_engine
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

# %% reproduce
with Session(engine) as session:
    alice = User(name="alice")
    session.add(alice)
    session.commit()

try:
    print(alice.name)
except DetachedInstanceError as exc:
    print(type(exc).__name__, exc)

# %% fix-reattach
with Session(engine) as session:
    session.add(alice)
    print(alice.name)

# %% fix-no-expire
with Session(engine, expire_on_commit=False) as session:
    bob = User(name="bob")
    session.add(bob)
    session.commit()

print(bob.name)
