# %% setup
import asyncio
import warnings

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_async_engine("postgresql+psycopg://scott:tiger@localhost/test")
Session = async_sessionmaker(engine)


async def create():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with Session.begin() as session:
        session.add_all([User(name="alice"), User(name="bob")])
    await engine.dispose()


asyncio.run(create())


async def find(session, name):
    return await session.scalar(select(User).filter_by(name=name))


# %% shared
async def shared_session():
    async with Session() as session:
        results = await asyncio.gather(
            find(session, "alice"), find(session, "bob"), return_exceptions=True
        )
        for result in results:
            print(repr(result) if isinstance(result, Exception) else result.name)


asyncio.run(shared_session())


# %% shared-pooled
asyncio.run(shared_session())
print(engine.pool.checkedin())


# %% per-task
async def find_alone(name):
    async with Session() as session:
        user = await find(session, name)
        return user.name


async def session_per_task():
    print(await asyncio.gather(find_alone("alice"), find_alone("bob")))
    print(engine.pool.checkedin())


asyncio.run(session_per_task())


# %% shared-write
async def save(session, name):
    session.add(User(name=name))
    await session.commit()


async def shared_writes():
    async with Session() as session:
        with warnings.catch_warnings(record=True) as caught:
            results = await asyncio.gather(
                save(session, "carol"), save(session, "dave"), return_exceptions=True
            )
        for result in results:
            print(repr(result))
        for warning in caught:
            print(warning.category.__name__, warning.message)
    async with Session() as session:
        print((await session.scalars(select(User.name).order_by(User.id))).all())


asyncio.run(shared_writes())


# %% dispose
asyncio.run(engine.dispose())
