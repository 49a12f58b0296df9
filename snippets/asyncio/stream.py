# %% setup
import asyncio

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_async_engine("sqlite+aiosqlite://", echo=True)
Session = async_sessionmaker(engine)


async def create():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with Session.begin() as session:
        session.add_all([User(name=f"user{n}") for n in range(1, 6)])


asyncio.run(create())


# %% stream
async def stream_rows():
    async with Session() as session:
        stmt = select(User.id, User.name).order_by(User.id).execution_options(yield_per=100)
        result = await session.stream(stmt)
        async for row in result:
            print(row)


asyncio.run(stream_rows())


# %% stream-scalars
async def stream_in_batches():
    async with Session() as session:
        stmt = select(User).order_by(User.id).execution_options(yield_per=2)
        users = await session.stream_scalars(stmt)
        async for batch in users.partitions():
            print([user.name for user in batch])


asyncio.run(stream_in_batches())


# %% dispose
asyncio.run(engine.dispose())
