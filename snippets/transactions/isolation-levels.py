# %% setup
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


URL = "postgresql+psycopg://scott:tiger@localhost/test"
engine = create_engine(URL, echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

# %% default
with Session(engine) as session:
    print(session.connection().get_isolation_level())
    print(session.scalar(text("SHOW transaction_isolation")))

# %% engine_wide
rr_engine = create_engine(URL, echo=True, isolation_level="REPEATABLE READ")
with Session(rr_engine) as session:
    print(session.scalar(text("SHOW transaction_isolation")))

# %% per_sessionmaker
SerializableSession = sessionmaker(engine.execution_options(isolation_level="SERIALIZABLE"))
with SerializableSession() as session:
    print(session.scalar(text("SHOW transaction_isolation")))

# %% per_session
with Session(bind=engine.execution_options(isolation_level="REPEATABLE READ")) as session:
    print(session.scalar(text("SHOW transaction_isolation")))

# %% per_transaction
with Session(engine) as session:
    session.connection(execution_options={"isolation_level": "SERIALIZABLE"})
    print(session.scalar(text("SHOW transaction_isolation")))
    session.commit()
    print(session.scalar(text("SHOW transaction_isolation")))

# %% sqlite
sqlite_engine = create_engine("sqlite://")
with Session(sqlite_engine) as session:
    print(session.connection().get_isolation_level())
repeatable = Session(sqlite_engine.execution_options(isolation_level="REPEATABLE READ"))
print("configured")
try:
    repeatable.connection()
except ArgumentError as exc:
    print(type(exc).__name__, exc)

# %% cleanup
repeatable.close()
rr_engine.dispose()
engine.dispose()
