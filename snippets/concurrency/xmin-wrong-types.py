# %% setup
from sqlalchemy import FetchedValue, Integer, String, create_engine, literal, select
from sqlalchemy.exc import DataError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import set_committed_value


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    xmin: Mapped[str] = mapped_column(String, system=True, server_default=FetchedValue())

    __mapper_args__ = {"version_id_col": xmin, "version_id_generator": False}


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% update
with Session(engine) as session:
    alice = session.scalars(select(User)).one()
    alice.name = "alicia"
    try:
        session.commit()
    except ProgrammingError as exc:
        print(type(exc).__name__, exc.orig.sqlstate, exc.orig.diag.message_primary)

# %% integer
with Session(engine) as session:
    xmin = session.scalars(select(User.xmin)).one()
    print(session.scalars(select(User.name).where(User.xmin == literal(xmin, Integer))).all())
    try:
        session.scalars(select(User.name).where(User.xmin == literal("2999975938", Integer))).all()
    except DataError as exc:
        print(type(exc).__name__, exc.orig.sqlstate, exc.orig.diag.message_primary)


# %% integer-version
class IntBase(DeclarativeBase):
    pass


class IntUser(IntBase):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    xmin: Mapped[int] = mapped_column(Integer, system=True, server_default=FetchedValue())

    __mapper_args__ = {"version_id_col": xmin, "version_id_generator": False}


with Session(engine) as session:
    alice = session.scalars(select(IntUser)).one()
    alice.name = "alicia"
    session.commit()

# %% integer-version-large
with Session(engine) as session:
    alice = session.scalars(select(IntUser)).one()
    set_committed_value(alice, "xmin", "2999975938")
    alice.name = "alice"
    try:
        session.commit()
    except DataError as exc:
        print(type(exc).__name__, exc.orig.sqlstate, exc.orig.diag.message_primary)
