# %% setup
from sqlalchemy import String, create_engine, event, inspect, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


# %% engine
engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def do_connect(dbapi_connection, connection_record):
    dbapi_connection.isolation_level = None


@event.listens_for(engine, "begin")
def do_begin(conn):
    conn.exec_driver_sql("BEGIN")


Base.metadata.create_all(engine)

# %% nested
session = Session(engine)
alice = User(name="alice")
bob = User(name="bob")
session.add_all([alice, bob])
session.flush()
try:
    with session.begin_nested():
        alice.name = "alice2"
        carol = User(name="carol")
        session.add(carol)
        session.flush()
        raise ValueError("undo the savepoint")
except ValueError as exc:
    print(exc)

# %% expired
print(inspect(alice).expired, inspect(bob).expired)
print(carol in session, inspect(carol).transient)
print(alice.name)

# %% outer_commit
session.commit()
session.close()
with Session(engine) as check:
    print(check.scalars(select(User.name).order_by(User.id)).all())

# %% nested_object
with Session(engine) as session:
    nested = session.begin_nested()
    session.add(User(name="frank"))
    session.flush()
    nested.rollback()
    nested = session.begin_nested()
    session.add(User(name="grace"))
    session.commit()
    print(nested.is_active, session.in_transaction())

# %% integrity
with Session(engine) as session:
    for name in ["dave", "alice", "erin"]:
        try:
            with session.begin_nested():
                session.add(User(name=name))
        except IntegrityError as exc:
            print("skipped", name, exc.orig)
    session.commit()
    print(session.scalars(select(User.name).order_by(User.id)).all())

# %% without_savepoint
with Session(engine) as session:
    session.add(User(name="alice"))
    try:
        session.flush()
    except IntegrityError as exc:
        print(type(exc).__name__, exc.orig)
    try:
        session.scalars(select(User)).all()
    except PendingRollbackError as exc:
        print(type(exc).__name__)
    session.rollback()
    print(session.scalars(select(User.name)).all())
