# %% setup
from sqlalchemy import String, create_engine, select
from sqlalchemy.dialects.postgresql import asyncpg, pg8000, psycopg, psycopg2
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

# %% one-row
with Session(engine) as session:
    session.add(User(name="alice"))
    session.commit()

# %% two-rows
with Session(engine) as session:
    session.add_all([User(name="bob"), User(name="carol")])
    session.commit()

# %% paramstyle
stmt = select(User.id).where(User.name == "dave")
for dialect in (psycopg.dialect(), asyncpg.dialect(), pg8000.dialect(), psycopg2.dialect()):
    print(f"{dialect.driver:8} {stmt.compile(dialect=dialect)}")
