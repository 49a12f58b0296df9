# %% setup
import warnings

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% autocommit_engine
autocommit_engine = engine.execution_options(isolation_level="AUTOCOMMIT")
with Session(autocommit_engine) as session:
    session.add(User(name="alice"))
    session.flush()
    print(session.in_transaction())
    session.rollback()

# %% still_there
with Session(engine) as session:
    print(session.scalars(select(User.name)).all())

# %% skip_rollback
skip_engine = create_engine(
    "sqlite://", echo=True, isolation_level="AUTOCOMMIT", skip_autocommit_rollback=True
)
with Session(skip_engine) as session:
    session.execute(select(1))
    session.rollback()

# %% autocommit_commit
with Session(autocommit_engine) as session:
    session.add(User(name="bob"))
    session.commit()

# %% per_transaction
with Session(engine) as session:
    session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    session.add(User(name="carol"))
    session.flush()
    session.rollback()
    print(session.scalars(select(User.name)).all())

# %% too_late
with Session(engine) as session:
    session.scalars(select(User.name)).all()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    warning = next(w for w in caught if issubclass(w.category, SAWarning))
    print(warning.category.__name__, warning.message)
