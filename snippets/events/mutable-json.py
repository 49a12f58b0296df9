# %% setup
from sqlalchemy import JSON, String, create_engine
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import flag_modified


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    prefs: Mapped[dict] = mapped_column(JSON)
    settings: Mapped[dict] = mapped_column(MutableDict.as_mutable(JSON))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice", prefs={"theme": "light"}, settings={"lang": "en"}))
    session.commit()
session = Session(engine)
alice = session.get(User, 1)

# %% in-place
alice.prefs["theme"] = "dark"
print(alice in session.dirty, session.is_modified(alice))
session.commit()
print(alice.prefs)

# %% flag-modified
alice.prefs["theme"] = "dark"
flag_modified(alice, "prefs")
print(alice in session.dirty, session.is_modified(alice))
session.commit()
print(alice.prefs)

# %% mutable-dict
alice.settings["lang"] = "zh"
print(alice in session.dirty, session.is_modified(alice))
session.commit()
print(alice.settings)

# %% nested
alice.settings["editor"] = {"tabs": 4}
session.commit()
alice.settings["editor"]["tabs"] = 2
print(alice in session.dirty)
session.commit()
print(alice.settings)
session.close()
