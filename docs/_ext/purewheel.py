"""Pack the pure-Python package of an sdist into a py3-none-any wheel, for Pyodide.

`make browser` runs it on docs/_browser/wheels/ after pip has downloaded there, hash-checked
(--require-hashes), the sdist of each package PyPI has no py3-none-any wheel of
(BROWSER_SDISTS in the Makefile: MarkupSafe, whose C speedups are optional). Nothing of the
sdist runs: the wheel holds the package's Python files (and py.typed) as the sdist has them, and
a dist-info made of the sdist's PKG-INFO and license files. Any other file in the package but C
sources stops it, rather than leave it out unseen. The wheel is the same bytes on every run
(fixed timestamps, sorted entries), and each sdist is removed once packed.

Usage: purewheel.py WHEELDIR  (each NAME-VERSION.tar.gz there: NAME-VERSION-py3-none-any.whl)
"""

from __future__ import annotations

import base64
import email.parser
import hashlib
import re
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

KEEP = (".py", ".pyi")
SKIP = (".c", ".h")  # the optional speedups, which Pyodide could not load anyway
EPOCH = (1980, 1, 1, 0, 0, 0)


def normal(name: str) -> str:
    """A distribution name as wheel file names spell it."""
    return re.sub(r"[-_.]+", "_", name).lower()


def contents(sdist: Path) -> tuple[dict, dict[str, bytes]]:
    """The sdist's PKG-INFO (as headers) and the wheel's files: path -> bytes."""
    with tarfile.open(sdist) as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        read = lambda name: tar.extractfile(members[name]).read()  # noqa: E731
        top = sdist.name.removesuffix(".tar.gz")
        info = read(f"{top}/PKG-INFO")
        metadata = email.parser.BytesHeaderParser().parsebytes(info)
        package = normal(metadata["Name"])
        roots = [f"{top}/src/{package}/", f"{top}/{package}/"]
        root = next((r for r in roots if f"{r}__init__.py" in members), None)
        if root is None:
            raise SystemExit(f"{sdist.name}: no {package}/__init__.py under {top}/ or {top}/src/")
        files = {}
        for name in sorted(members):
            if not name.startswith(root):
                continue
            path = PurePosixPath(package, name.removeprefix(root))
            if path.suffix in KEEP or path.name == "py.typed":
                files[str(path)] = read(name)
            elif path.suffix not in SKIP:
                raise SystemExit(f"{sdist.name}: {name} is neither Python nor C: pack or skip it")
        dist_info = f"{package}-{metadata['Version']}.dist-info"
        files[f"{dist_info}/METADATA"] = info
        for license_file in metadata.get_all("License-File") or []:
            files[f"{dist_info}/licenses/{license_file}"] = read(f"{top}/{license_file}")
        files[f"{dist_info}/WHEEL"] = (
            b"Wheel-Version: 1.0\nGenerator: purewheel.py (docs/_ext)\n"
            b"Root-Is-Purelib: true\nTag: py3-none-any\n"
        )
    return metadata, files


def record(files: dict[str, bytes], path: str) -> bytes:
    """The RECORD of the files (each one's sha256 and size), itself last and unhashed."""
    lines = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append(f"{name},sha256={digest},{len(data)}\n")
    return "".join(lines + [f"{path},,\n"]).encode()


def pack(sdist: Path) -> Path:
    metadata, files = contents(sdist)
    package, version = normal(metadata["Name"]), metadata["Version"]
    expected = f"{package}-{version}.tar.gz"
    if sdist.name.lower() != expected:
        raise SystemExit(f"{sdist.name}: its PKG-INFO says {expected}")
    path = f"{package}-{version}.dist-info/RECORD"
    files[path] = record(files, path)
    wheel = sdist.with_name(f"{package}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, EPOCH)
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, zipfile.ZIP_DEFLATED)
    sdist.unlink()
    return wheel


def main(directory: Path) -> None:
    for sdist in sorted(directory.glob("*.tar.gz")):
        wheel = pack(sdist)
        print(f"purewheel: {sdist.name} -> {wheel.name} ({wheel.stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
