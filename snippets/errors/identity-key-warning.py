# %% setup
import warnings

from sqlalchemy import String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(id=1, name="alice"))
    session.commit()

# %% reproduce
with Session(engine) as session:
    alice = session.get(User, 1)
    session.add(User(id=1, name="alicia"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            session.flush()
        except IntegrityError as exc:
            print(type(exc).__name__, exc.orig)
    for warning in caught:
        print(warning.category.__name__, warning.message)

# %% fix
with Session(engine) as session:
    alice = session.get(User, 1)
    merged = session.merge(User(id=1, name="alicia"))
    print(merged is alice)
    session.commit()
