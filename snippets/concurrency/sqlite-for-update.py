# %% setup
import warnings

from sqlalchemy import create_engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% compiled
stmt = select(User.name).where(User.id == 1).with_for_update(nowait=True)
print(stmt.compile(dialect=postgresql.dialect()))
print(stmt.compile(dialect=sqlite.dialect()))

# %% run
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with Session(engine) as session:
        print(session.scalars(stmt).all())
print([w.message for w in caught if issubclass(w.category, SAWarning)])
