# %% setup
from sqlalchemy import String, create_engine
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
    session.add(User(name="bob"))
    session.commit()

# %% reproduce
with Session(engine) as session:
    bob = session.get(User, 1)

bob.name = "bobby"
with Session(engine) as session:
    try:
        session.merge(bob, load=False)
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)

# %% fix
with Session(engine) as session:
    merged = session.merge(bob)
    print(merged in session.dirty)
    session.commit()

# %% clean
with Session(engine) as session:
    bob = session.get(User, 1)

with Session(engine) as session:
    merged = session.merge(bob, load=False)
    print(merged in session, merged in session.dirty)
    session.commit()
