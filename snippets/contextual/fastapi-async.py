# %% setup
import tempfile
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


tmp = tempfile.TemporaryDirectory()
engine = create_async_engine(f"sqlite+aiosqlite:///{tmp.name}/app.db", echo=True)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


# %% app
async def get_session():
    async with SessionLocal() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


@asynccontextmanager
async def lifespan(app):
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


@app.post("/users")
async def create_user(name: str, session: SessionDep):
    user = User(name=name)
    session.add(user)
    await session.flush()
    return {"id": user.id, "name": user.name}


@app.get("/users/{user_id}")
async def read_user(user_id: int, session: SessionDep):
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(404, "no such user")
    return {"id": user.id, "name": user.name}


# %% requests
with TestClient(app) as client:
    print(client.post("/users", params={"name": "alice"}).json())
    response = client.get("/users/2")
    print(response.status_code, response.json())
    print(engine.pool.checkedout())
tmp.cleanup()
