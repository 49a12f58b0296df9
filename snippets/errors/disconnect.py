# %% setup
import tempfile

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import DBAPIError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db", echo=True)
Base.metadata.create_all(engine)

# %% real-disconnect
session = Session(engine)
session.add(User(name="alice"))
session.flush()
# What a dropped connection does to the driver: close it behind SQLAlchemy's back.
session.connection().connection.dbapi_connection.close()
try:
    session.scalars(select(User)).all()
except DBAPIError as exc:
    print(type(exc).__name__, "connection_invalidated:", exc.connection_invalidated)
    print(type(exc.orig).__name__, exc.orig)
try:
    session.scalars(select(User)).all()
except PendingRollbackError as exc:
    print(type(exc).__name__, exc)
session.rollback()
print(session.scalars(select(User)).all())
session.close()
engine.dispose()
tmp.cleanup()
