# %% setup
from sqlalchemy import create_engine, func, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
user_table = User.__table__
count = select(func.count()).select_from(user_table)
session = Session(engine)

# %% connection
session.add(User(name="alice"))
conn = session.connection()
conn.execute(insert(user_table).values(name="bob"))
print(conn.scalar(count))

# %% session_execute
print(session.scalar(count))
print(session.scalars(select(User.name).order_by(User.id)).all())

# %% rollback
session.rollback()
with engine.connect() as other:
    print(other.scalar(count))
session.close()
