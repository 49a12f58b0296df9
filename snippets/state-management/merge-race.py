# %% setup
import tempfile
from pathlib import Path

from sqlalchemy import String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{Path(tmp.name) / 'race.db'}", echo=True)
Base.metadata.create_all(engine)

# %% race
first, second = Session(engine), Session(engine)
a = first.merge(User(id=5, name="eve"))
b = second.merge(User(id=5, name="Eve"))
first.commit()
try:
    second.commit()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig)
first.close()
second.close()
engine.dispose()
tmp.cleanup()
