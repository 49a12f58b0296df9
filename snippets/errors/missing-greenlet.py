# %% setup
import asyncio

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncAttrs, AsyncSession, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload


class Base(AsyncAttrs, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_async_engine("sqlite+aiosqlite://", echo=True)


async def create():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSession(engine) as session:
        session.add(User(name="alice", addresses=[Address(email="alice@example.com")]))
        await session.commit()


asyncio.run(create())


# %% reproduce
async def reproduce():
    async with AsyncSession(engine) as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        try:
            print(alice.addresses)
        except StatementError as exc:
            print(type(exc).__name__, exc)


asyncio.run(reproduce())


# %% fix-eager
async def fix_eager():
    async with AsyncSession(engine) as session:
        stmt = select(User).filter_by(name="alice").options(selectinload(User.addresses))
        alice = await session.scalar(stmt)
        print(alice.addresses[0].email)


asyncio.run(fix_eager())


# %% fix-awaitable
async def fix_awaitable():
    async with AsyncSession(engine) as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        addresses = await alice.awaitable_attrs.addresses
        print(addresses[0].email)


asyncio.run(fix_awaitable())


# %% after-commit
async def after_commit():
    async with AsyncSession(engine) as session:
        bob = User(name="bob")
        session.add(bob)
        await session.commit()
        try:
            print(bob.name)
        except StatementError as exc:
            print(type(exc).__name__, exc)


asyncio.run(after_commit())


# %% fix-no-expire
async def fix_no_expire():
    async with AsyncSession(engine, expire_on_commit=False) as session:
        carol = User(name="carol")
        session.add(carol)
        await session.commit()
        print(carol.name)


asyncio.run(fix_no_expire())


# %% fix-refresh
async def fix_refresh():
    async with AsyncSession(engine) as session:
        dave = User(name="dave")
        session.add(dave)
        await session.commit()
        await session.refresh(dave)
        print(dave.name)


asyncio.run(fix_refresh())


# %% fix-run-sync
def read_name(sync_session, user):
    return user.name


async def fix_run_sync():
    async with AsyncSession(engine) as session:
        erin = User(name="erin")
        session.add(erin)
        await session.commit()
        print(await session.run_sync(read_name, erin))


asyncio.run(fix_run_sync())
