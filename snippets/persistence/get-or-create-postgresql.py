# %% setup
from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)


def find(session, name):
    return session.scalars(select(User).where(User.name == name)).one_or_none()


# %% naive_check
session_a = Session(engine)
session_b = Session(engine)
session_b.add(User(name="bob"))
print(find(session_a, "alice"), find(session_b, "alice"))

# %% naive_a_creates
session_a.add(User(name="alice"))
session_a.commit()

# %% naive_b_creates
session_b.add(User(name="alice"))
try:
    session_b.commit()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig.sqlstate)
session_b.rollback()
print(find(session_b, "bob"))
session_a.close()
session_b.close()

# %% safe


def create_or_find(session, name):
    try:
        with session.begin_nested():
            user = User(name=name)
            session.add(user)
        return user
    except IntegrityError:
        user = find(session, name)
        if user is None:
            raise
        return user


def get_or_create(session, name):
    return find(session, name) or create_or_find(session, name)


# %% safe_check
session_a = Session(engine)
session_b = Session(engine)
session_b.add(User(name="bob"))
print(find(session_b, "carol"))

# %% safe_a_creates
get_or_create(session_a, "carol")
session_a.commit()

# %% safe_b_creates
carol = create_or_find(session_b, "carol")
print(carol.id)
session_b.commit()
print(session_b.scalars(select(User.name).order_by(User.name)).all())
session_a.close()
session_b.close()

# %% repeatable_read
session_a = Session(engine)
session_b = Session(engine.execution_options(isolation_level="REPEATABLE READ"))
print(find(session_b, "dave"))
get_or_create(session_a, "dave")
session_a.commit()
try:
    create_or_find(session_b, "dave")
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig.sqlstate)
session_b.rollback()
print(get_or_create(session_b, "dave").name)
session_a.close()
session_b.close()
