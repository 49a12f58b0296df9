# %% setup
from sqlalchemy import String, create_engine, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% driver_transaction
with Session(engine) as session:
    session.scalars(select(User)).all()
    driver_connection = session.connection().connection.dbapi_connection
    print(driver_connection.in_transaction)
    session.add(User(name="zoe"))
    session.flush()
    print(driver_connection.in_transaction)

# %% commit_as_you_go
with Session(engine) as session:
    print(session.in_transaction())
    session.add(User(name="alice"))
    print(session.in_transaction())
    session.commit()
    print(session.in_transaction())
    session.add(User(name="bob"))
    session.commit()

# %% connection_commit_as_you_go
with engine.connect() as conn:
    conn.execute(insert(User).values(name="anne"))
    conn.commit()
    conn.execute(insert(User).values(name="ben"))
    conn.commit()

# %% begin_once
with Session(engine) as session, session.begin():
    print(session.in_transaction())
    session.add(User(name="carol"))

# %% connection_begin_once
with engine.begin() as conn:
    conn.execute(insert(User).values(name="cathy"))

# %% begin_once_error
try:
    with Session(engine) as session, session.begin():
        session.add(User(name="dave"))
        session.flush()
        raise ValueError("something went wrong")
except ValueError as exc:
    print(exc)

# %% sessionmaker_begin
make_session = sessionmaker(engine)
with make_session.begin() as session:
    names = session.scalars(select(User.name).order_by(User.id)).all()
    print(names)
    session.add(User(name="erin"))
