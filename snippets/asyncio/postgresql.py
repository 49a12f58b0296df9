# %% setup
import asyncio

from sqlalchemy import String, select
from sqlalchemy.exc import MissingGreenlet, StatementError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import NullPool


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_async_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Session = async_sessionmaker(engine)


# %% main
async def main():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with Session.begin() as session:
        session.add_all([User(name="alice"), User(name="bob")])
    async with Session() as session:
        users = await session.scalars(select(User).where(User.name.like("%b%")))
        print([user.name for user in users])
    print(engine.pool.checkedin())
    await engine.dispose()
    print(engine.pool.checkedin())


asyncio.run(main())


# %% which-exception
async def read_after_commit(other_engine):
    async with AsyncSession(other_engine) as session:
        bob = await session.scalar(select(User).filter_by(name="bob"))
        await session.commit()
        try:
            print(bob.name)
        except (MissingGreenlet, StatementError) as exc:
            print(type(exc).__name__)
    await other_engine.dispose()


for url, options in [
    ("postgresql+psycopg://scott:tiger@localhost/test", {}),
    ("postgresql+psycopg://scott:tiger@localhost/test", {"poolclass": NullPool}),
    ("postgresql+asyncpg://scott:tiger@localhost/test", {}),
]:
    asyncio.run(read_after_commit(create_async_engine(url, **options)))
