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
