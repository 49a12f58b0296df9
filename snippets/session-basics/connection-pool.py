# %% setup
import tempfile

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/demo.db", echo=True)
Base.metadata.create_all(engine)
print(type(engine.pool).__name__)

# %% borrow
session = Session(engine)
print(session.in_transaction(), engine.pool.checkedout())
users = session.scalars(select(User)).all()
print(session.in_transaction(), engine.pool.checkedout())

# %% give-back
session.commit()
print(session.in_transaction(), engine.pool.checkedout(), engine.pool.checkedin())
users = session.scalars(select(User)).all()
session.rollback()
print(session.in_transaction(), engine.pool.checkedout())
users = session.scalars(select(User)).all()
session.close()
print(session.in_transaction(), engine.pool.checkedout())
engine.dispose()
tmp.cleanup()
