# %% setup
import tempfile
import warnings

from sqlalchemy import String, create_engine, event, func, select
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


# %% engine
tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/test.db", echo=True)


@event.listens_for(engine, "connect")
def do_connect(dbapi_connection, connection_record):
    dbapi_connection.isolation_level = None


@event.listens_for(engine, "begin")
def do_begin(conn):
    conn.exec_driver_sql("BEGIN")


Base.metadata.create_all(engine)


# %% fixture
def db_session(engine):
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    yield session
    session.close()
    transaction.rollback()
    connection.close()


# %% test
def test_add_user(db_session):
    db_session.add(User(name="alice"))
    db_session.commit()
    db_session.add(User(name="bob"))
    db_session.flush()
    db_session.rollback()
    assert db_session.scalars(select(User.name)).all() == ["alice"]


# %% run
fixture = db_session(engine)
test_add_user(next(fixture))
next(fixture, None)


# %% proof
def count_users(url):
    fresh = create_engine(url)
    with fresh.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(User))
    fresh.dispose()
    return count


print(count_users(engine.url))

# %% default_mode
connection = engine.connect()
transaction = connection.begin()
session = Session(bind=connection)
session.add(User(name="alice"))
session.commit()
print(transaction.is_active)
session.add(User(name="bob"))
session.flush()
session.rollback()
print(transaction.is_active, session.scalars(select(User.name)).all())
session.close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    transaction.rollback()
print([str(w.message) for w in caught if issubclass(w.category, SAWarning)])
connection.close()

# %% engine_bind
with Session(engine, join_transaction_mode="create_savepoint") as session:
    session.add(User(name="zed"))
    session.commit()
print(count_users(engine.url))

# %% legacy_sqlite
legacy_engine = create_engine(f"sqlite:///{tmp.name}/legacy.db", echo=True)
Base.metadata.create_all(legacy_engine)
fixture = db_session(legacy_engine)
test_add_user(next(fixture))
next(fixture, None)
print(count_users(legacy_engine.url))

# %% legacy_flush_first
with Session(legacy_engine) as session:
    session.add(User(name="carl"))
    session.flush()
    with session.begin_nested():
        session.add(User(name="dora"))
    session.rollback()
print(count_users(legacy_engine.url))

# %% cleanup
engine.dispose()
legacy_engine.dispose()
tmp.cleanup()
