# %% setup
from sqlalchemy import String, create_engine, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
sqlite_engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(sqlite_engine)

# %% insert
with Session(engine) as session:
    session.add_all([User(name="alice"), User(name="bob")])
    session.commit()

# %% integrity
with Session(engine) as session:
    for name in ["dave", "alice", "erin"]:
        try:
            with session.begin_nested():
                session.add(User(name=name))
        except IntegrityError as exc:
            print("skipped", name, exc.orig)
    session.commit()
    print(session.scalars(select(User.name).order_by(User.id)).all())

# %% failed_statement


def insert_twice(engine):
    with Session(engine) as session:
        for name in ["frank", "frank"]:
            try:
                session.execute(insert(User).values(name=name))
            except IntegrityError as exc:
                print(type(exc).__name__)
        try:
            print(session.scalars(select(User.name).where(User.name == "frank")).all())
        except DBAPIError as exc:
            print(type(exc).__name__, exc.orig)


# %% failed_statement_sqlite
insert_twice(sqlite_engine)

# %% failed_statement_postgresql
insert_twice(engine)
engine.dispose()
