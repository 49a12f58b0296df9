# %% setup
import tempfile

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import TimeoutError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(
    f"sqlite:///{tmp.name}/app.db", echo=True, pool_size=1, max_overflow=0, pool_timeout=0.1
)
Base.metadata.create_all(engine)
print(type(engine.pool).__name__)

# %% reproduce
forgotten = Session(engine)
forgotten.scalars(select(User)).all()

with Session(engine) as session:
    try:
        session.scalars(select(User)).all()
    except TimeoutError as exc:
        print(type(exc).__name__, exc)

# %% fix
forgotten.close()
with Session(engine) as session:
    print(session.scalars(select(User)).all())
print(engine.pool.status())
engine.dispose()
tmp.cleanup()
