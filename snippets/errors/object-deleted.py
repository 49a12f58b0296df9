# %% setup
from sqlalchemy import String, create_engine, delete
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import ObjectDeletedError


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% reproduce
session = Session(engine)
alice = session.get(User, 1)
session.commit()

with engine.begin() as conn:
    conn.execute(delete(User).where(User.id == 1))

try:
    print(alice.name)
except ObjectDeletedError as exc:
    print(type(exc).__name__, exc)

# %% fix
print(session.get(User, 1), alice in session)
session.close()
