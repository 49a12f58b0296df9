# %% setup
import tempfile

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import PendingRollbackError
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

# %% reproduce
session = Session(engine)
session.add(User(name="alice"))
session.flush()
session.connection().invalidate()
try:
    session.scalars(select(User)).all()
except PendingRollbackError as exc:
    print(type(exc).__name__, exc)

# %% fix
session.rollback()
print(session.scalars(select(User)).all())
session.close()
engine.dispose()
tmp.cleanup()
