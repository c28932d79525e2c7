"""Files that Debian packages installed, found the way the system knows them.

Package layouts change between releases (``asterisk-core-sounds-en-wav`` 1.6.1-1 moved its
recordings from ``asterisk/sounds/en/`` to ``asterisk/sounds/en_US_f_Allison/``), so nothing here
hard-codes a folder: ``dpkg -L`` lists what a package installed, and where dpkg is not there (a
non-Debian system) a search over the layouts known so far is the fallback. A package that is not
installed is a :class:`MissingPackage` error that names the package and how to install it.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from .errors import MalbeotError

#: the recordings' package and its transcripts' package (the first only recommends the second)
ASTERISK_WAV = "asterisk-core-sounds-en-wav"
ASTERISK_TEXTS = "asterisk-core-sounds-en"
#: a recording every release of the package has, used to find the folder
_ASTERISK_MARKER = "auth-thankyou.wav"
#: layouts seen so far, for systems without dpkg
_ASTERISK_KNOWN = ("asterisk/sounds/en_US_f_Allison", "asterisk/sounds/en")
_SHARE_ROOTS = (Path("/usr/share"), Path("/usr/local/share"), Path("/var/lib"))


class MissingPackage(MalbeotError):
    code = "missing_package"

    def __init__(self, package: str, what: str) -> None:
        super().__init__(f"{what} not found: install the Debian package {package} "
                         f"(apt-get install {package})")
        self.package = package


@cache
def package_files(package: str) -> tuple[Path, ...]:
    """Every path ``package`` installed, from ``dpkg -L``; () when dpkg does not know it."""
    if shutil.which("dpkg-query") is None:
        return ()
    done = subprocess.run(["dpkg-query", "-L", package], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return ()
    return tuple(Path(line) for line in done.stdout.splitlines() if line.startswith("/"))


def find_installed(package: str, name: str, known: tuple[str, ...] = ()) -> Path:
    """The installed file called ``name`` from ``package``.

    Asks dpkg first; otherwise looks for ``name`` under each ``known`` folder (relative to the
    usual share roots). Raises :class:`MissingPackage` when neither finds it.
    """
    for path in package_files(package):
        if path.name == name and path.is_file():
            return path
    for root in _SHARE_ROOTS:
        for folder in known:
            candidate = root / folder / name
            if candidate.is_file():
                return candidate
    raise MissingPackage(package, name)


@cache
def asterisk_sounds() -> Path:
    """The folder of Debian's 8 kHz English Asterisk recordings (``*.wav``)."""
    return find_installed(ASTERISK_WAV, _ASTERISK_MARKER, _ASTERISK_KNOWN).parent


@cache
def asterisk_transcripts() -> Path:
    """``core-sounds-en.txt.gz``: the words of each Asterisk recording."""
    return find_installed(ASTERISK_TEXTS, "core-sounds-en.txt.gz", ("doc/asterisk-core-sounds-en",))


def asterisk_recording(name: str) -> Path:
    """One recording by file name (``"auth-thankyou.wav"``), or a clear error naming the package."""
    path = asterisk_sounds() / name
    if not path.is_file():
        raise MissingPackage(ASTERISK_WAV, f"recording {name}")
    return path
