# %% setup
from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% listeners
make_session = sessionmaker(engine)


@event.listens_for(make_session, "after_transaction_create")
def on_create(session, transaction):
    print(">> after_transaction_create", transaction.origin.name)


@event.listens_for(make_session, "after_begin")
def on_begin(session, transaction, connection):
    print(">> after_begin")


@event.listens_for(make_session, "after_commit")
def on_commit(session):
    print(">> after_commit")


@event.listens_for(make_session, "after_rollback")
def on_rollback(session):
    print(">> after_rollback")


@event.listens_for(make_session, "after_soft_rollback")
def on_soft_rollback(session, previous_transaction):
    print(">> after_soft_rollback")


@event.listens_for(make_session, "after_transaction_end")
def on_end(session, transaction):
    print(">> after_transaction_end", transaction.origin.name)


# %% commit
with make_session() as session:
    session.add(User(name="alice"))
    session.commit()

# %% rollback
with make_session() as session:
    session.add(User(name="bob"))
    session.flush()
    session.rollback()

# %% rollback_without_sql
with make_session() as session:
    session.add(User(name="carol"))
    session.rollback()

# %% rollback_no_transaction
with make_session() as session:
    session.rollback()
    print("rollback() returned")

# %% close_open_transaction
session = make_session()
session.add(User(name="dave"))
session.flush()
session.close()

# %% savepoint
with make_session() as session:
    session.add(User(name="erin"))
    session.flush()
    with session.begin_nested():
        session.add(User(name="frank"))
    session.commit()
