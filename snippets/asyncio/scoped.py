# %% setup
import asyncio
import warnings
from asyncio import current_task

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import (
    async_scoped_session,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_async_engine("sqlite+aiosqlite://", echo=True)
ScopedSession = async_scoped_session(async_sessionmaker(engine), scopefunc=current_task)


async def create():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with ScopedSession.begin():
        ScopedSession.add(User(name="alice"))
    await ScopedSession.remove()


asyncio.run(create())


# %% per-task
async def handle_request():
    session = ScopedSession()
    user = await ScopedSession.scalar(select(User).filter_by(name="alice"))
    print(session is ScopedSession(), user in session)
    return session


async def two_requests():
    first = await asyncio.create_task(handle_request())
    second = await asyncio.create_task(handle_request())
    print(first is second, len(ScopedSession.registry.registry))


asyncio.run(two_requests())


# %% remove
async def handle_and_remove():
    try:
        await ScopedSession.scalar(select(User).filter_by(name="alice"))
    finally:
        await ScopedSession.remove()


async def third_request():
    await asyncio.create_task(handle_and_remove())
    print(len(ScopedSession.registry.registry))


asyncio.run(third_request())


# %% forgot-await
async def forget_await():
    session = ScopedSession()
    await session.scalar(select(User).filter_by(name="alice"))
    with warnings.catch_warnings(record=True) as caught:
        ScopedSession.remove()
    print(caught[0].message)
    print(len(ScopedSession.registry.registry), session.in_transaction())


asyncio.run(forget_await())


# %% dispose
asyncio.run(engine.dispose())
