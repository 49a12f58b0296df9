"""A page whose title and sections did not change does not rewrite the pages that list it."""

# Sphinx rewrites every page whose toctree includes a changed page (index.html here), since
# the changed page's title or sections may have moved (Builder.write adds
# env.files_to_rebuild). When an edit leaves them as they were (a snippet's output, a
# sentence), the listing page would be written byte for byte the same. This drops those
# entries for the one write, after the environment has been saved, so the next build still
# knows who lists whom.

from __future__ import annotations

import hashlib

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

ATTR = "tocdeps_outline"  # docname -> digest of its title and section tree, saved in the env


def outline(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    toc = env.tocs.get(docname)
    text = (title.pformat() if title else "") + (toc.pformat() if toc else "")
    return hashlib.sha256(text.encode()).hexdigest()


def before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """What the pages about to be read looked like in the listings before."""
    saved = getattr(env, ATTR, {})
    env.tocdeps_before = {name: saved.get(name) for name in docnames}


def updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Save each page's outline with the environment."""
    setattr(env, ATTR, {name: outline(env, name) for name in env.found_docs})
    return []


def consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """After the environment is pickled: drop listings of pages whose outline is unchanged."""
    for name, before in getattr(env, "tocdeps_before", {}).items():
        if before is not None and before == getattr(env, ATTR, {}).get(name):
            env.files_to_rebuild.pop(name, None)


def setup(app: Sphinx) -> dict:
    app.connect("env-before-read-docs", before_read)
    app.connect("env-updated", updated)
    app.connect("env-check-consistency", consistency)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
