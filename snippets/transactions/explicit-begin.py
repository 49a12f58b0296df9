# %% setup
from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% explicit_begin
session = Session(engine)
print(session.get_transaction())
session.begin()
print(session.in_transaction(), session.get_transaction().is_active)
session.add(User(name="alice"))
session.commit()
print(session.get_transaction())

# %% get_nested
with Session(engine) as session:
    root = session.begin()
    nested = session.begin_nested()
    print(session.get_transaction() is root, session.get_transaction() is nested)
    print(session.get_nested_transaction() is nested, nested.parent is root)
    nested.rollback()
    print(session.get_nested_transaction())

# %% begin_twice
session.scalars(select(User)).all()
try:
    session.begin()
except InvalidRequestError as exc:
    print(exc)
session.rollback()
session.close()

# %% autobegin_false
session = Session(engine, autobegin=False)
try:
    session.scalars(select(User)).all()
except InvalidRequestError as exc:
    print(exc)
try:
    session.add(User(name="bob"))
except InvalidRequestError as exc:
    print(exc)
print(len(session.new))

# %% autobegin_false_begin
with session.begin():
    print(session.scalars(select(User.name)).all())
print(session.in_transaction())
session.close()
