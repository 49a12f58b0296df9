# %% setup
from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import IntegrityError, InvalidRequestError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% reproduce
session = Session(engine)
session.add(User(name="alice"))
try:
    session.flush()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig)

try:
    session.scalars(select(User)).all()
except PendingRollbackError as exc:
    print(type(exc).__name__, exc)

# %% fix
session.rollback()
print(session.scalars(select(User.name)).all())
session.close()

# %% fix-close
session = Session(engine)
session.add(User(name="alice"))
try:
    session.flush()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig)
session.close()
print(session.scalars(select(User.name)).all())
session.close()

# %% begin-block
with Session(engine) as session:
    try:
        with session.begin():
            session.add(User(name="alice"))
    except IntegrityError as exc:
        print(type(exc).__name__, exc.orig)
    print(session.scalars(select(User.name)).all())

# %% caught-inside
with Session(engine) as session:
    try:
        with session.begin():
            session.add(User(name="alice"))
            try:
                session.flush()
            except IntegrityError as exc:
                print(type(exc).__name__, exc.orig)
                session.rollback()
            print("adding bob")
            session.add(User(name="bob"))
            print("flushing bob")
            session.flush()
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)

# %% caught-inside-no-rollback
with Session(engine) as session:
    try:
        with session.begin():
            session.add(User(name="alice"))
            try:
                session.flush()
            except IntegrityError as exc:
                print(type(exc).__name__, exc.orig)
            print("adding bob")
            session.add(User(name="bob"))
            print("flushing bob")
            session.flush()
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)
