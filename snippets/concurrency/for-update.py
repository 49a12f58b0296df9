# %% setup
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="alice"), User(name="bob")])
    session.commit()

# %% a-locks
session_a = Session(engine)
alice_a = session_a.scalars(select(User).where(User.name == "alice").with_for_update()).one()

# %% b-nowait
session_b = Session(engine)
try:
    session_b.scalars(select(User).where(User.name == "alice").with_for_update(nowait=True)).one()
except OperationalError as exc:
    print(type(exc).__name__, exc.orig.sqlstate, exc.orig)
session_b.rollback()

# %% b-skip-locked
users = session_b.scalars(select(User).with_for_update(skip_locked=True)).all()
print([user.name for user in users])
session_b.rollback()

# %% b-lock-timeout
session_b.execute(text("SET LOCAL lock_timeout = '100ms'"))
try:
    session_b.scalars(select(User).where(User.name == "alice").with_for_update()).one()
except OperationalError as exc:
    print(type(exc).__name__, exc.orig.sqlstate, exc.orig)
session_b.rollback()
session_a.close()
session_b.close()
