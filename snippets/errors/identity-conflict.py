# %% setup
from sqlalchemy import String, create_engine
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% reproduce
with Session(engine) as session:
    detached = session.get(User, 1)

session = Session(engine)
loaded = session.get(User, 1)
try:
    session.add(detached)
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% fix
merged = session.merge(detached)
print(merged is loaded, detached in session)
session.close()
