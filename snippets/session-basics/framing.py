# %% setup
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% open-close
with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% verbose
with Session(engine) as session:
    session.begin()
    try:
        session.add(User(name="bob"))
        session.add(User(name="carol"))
        session.commit()
    except Exception:
        session.rollback()
        raise

# %% begin-block
with Session(engine) as session:
    with session.begin():
        session.add(User(name="dave"))
    print(session.in_transaction())

# %% one-line
with Session(engine) as session, session.begin():
    session.add(User(name="erin"))

# %% failure
try:
    with Session(engine) as session, session.begin():
        session.add(User(name="frank"))
        session.flush()
        raise ValueError("出错了")
except ValueError as exc:
    print(type(exc).__name__, exc)

with Session(engine) as session:
    print(session.scalars(select(User.name)).all())
