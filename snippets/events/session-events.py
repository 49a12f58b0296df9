# %% setup
from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
make_session = sessionmaker(engine)


# %% listeners
@event.listens_for(make_session, "before_flush")
def before_flush(session, flush_context, instances):
    print(">> before_flush", len(session.new), len(session.dirty))


@event.listens_for(make_session, "after_flush")
def after_flush(session, flush_context):
    print(">> after_flush", len(session.new), len(session.dirty))


@event.listens_for(make_session, "after_flush_postexec")
def after_flush_postexec(session, flush_context):
    print(">> after_flush_postexec", len(session.new), len(session.dirty))


@event.listens_for(make_session, "before_commit")
def before_commit(session):
    print(">> before_commit", len(session.new))


@event.listens_for(make_session, "after_commit")
def after_commit(session):
    print(">> after_commit")


# %% commit
with make_session() as session:
    session.add(User(name="alice"))
    session.commit()

# %% nothing-to-flush
with make_session() as session:
    session.flush()
    session.commit()


# %% same-value
with make_session() as session:
    alice = session.get(User, 1)
    alice.name = "alice"
    session.flush()


# %% global
def announce(session):
    print(">> before_commit on", type(session).__name__)


event.listen(Session, "before_commit", announce)
with Session(engine) as session:
    session.commit()
event.remove(Session, "before_commit", announce)
