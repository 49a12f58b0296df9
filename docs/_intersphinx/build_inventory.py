"""Write sqlalchemy.inv: an intersphinx inventory of the official SQLAlchemy reference.

The official HTML documentation ships inside the SQLAlchemy sdist (doc/), but its
objects.inv does not, and builds must not touch the network.  This reads every
``<dl class="py ROLE"><dt id="NAME">`` of the shipped pages and writes the
inventory next to this file, pointing at the published pages.

Usage (network needed once, for pip download): make inventory
"""

import re
import sys
import tarfile
import zlib
from pathlib import Path

OBJECT = re.compile(r'<dl class="py (\w+)">\s*<dt class="sig sig-object py" id="([\w.]+)"')


def entries(sdist: Path) -> list[str]:
    lines = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/", 2)
            if len(parts) < 3 or parts[1] != "doc" or not member.name.endswith(".html"):
                continue
            page = parts[2]
            html = tar.extractfile(member).read().decode("utf-8")
            for role, name in OBJECT.findall(html):
                lines.add(f"{name} py:{role} 1 {page}#$ -")
    return sorted(lines)


def write(sdist: Path, version: str) -> Path:
    body = "\n".join(entries(sdist)) + "\n"
    header = (
        "# Sphinx inventory version 2\n# Project: SQLAlchemy\n"
        f"# Version: {version}\n# The remainder of this file is compressed using zlib.\n"
    )
    target = Path(__file__).with_name("sqlalchemy.inv")
    target.write_bytes(header.encode() + zlib.compress(body.encode()))
    return target


if __name__ == "__main__":
    sdist, version = Path(sys.argv[1]), sys.argv[2]
    print(write(sdist, version), "written")
