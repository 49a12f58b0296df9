# %% setup
import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

engine = create_async_engine("postgresql+asyncpg://scott:tiger@localhost/test", echo=True)


async def ping():
    async with engine.connect() as conn:
        return await conn.scalar(text("SELECT 1"))


# %% first-loop
print(asyncio.run(ping()))


# %% second-loop
try:
    asyncio.run(ping())
except RuntimeError as exc:
    print(exc)


# %% dispose-per-loop
engine = create_async_engine("postgresql+asyncpg://scott:tiger@localhost/test", echo=True)


async def ping_and_dispose():
    try:
        return await ping()
    finally:
        await engine.dispose()


print(asyncio.run(ping_and_dispose()))
print(asyncio.run(ping_and_dispose()))
