"""Installed Debian data is found the way the system knows it, never by a hard-coded folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from malbeot_core import installed
from malbeot_core.installed import MissingPackage, asterisk_recording, asterisk_sounds, find_installed

REPO = Path(__file__).resolve().parents[2]


def test_asterisk_recordings_are_found_through_dpkg() -> None:
    folder = asterisk_sounds()
    assert (folder / "auth-thankyou.wav").is_file()
    assert folder in {p.parent for p in installed.package_files(installed.ASTERISK_WAV)}
    assert asterisk_recording("pbx-transfer.wav").parent == folder


def test_transcripts_come_from_the_package_that_ships_them() -> None:
    path = installed.asterisk_transcripts()
    assert path.name == "core-sounds-en.txt.gz"
    assert path in installed.package_files(installed.ASTERISK_TEXTS)


def test_a_missing_package_is_a_clear_error_naming_it() -> None:
    with pytest.raises(MissingPackage) as caught:
        find_installed("malbeot-no-such-package", "nothing.wav")
    assert caught.value.package == "malbeot-no-such-package"
    assert "apt-get install malbeot-no-such-package" in str(caught.value)


def test_a_missing_recording_names_the_package() -> None:
    with pytest.raises(MissingPackage, match=installed.ASTERISK_WAV):
        asterisk_recording("no-such-recording.wav")


def test_without_dpkg_the_known_layouts_are_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moved = tmp_path / "asterisk" / "sounds" / "en_US_f_Allison"
    moved.mkdir(parents=True)
    (moved / "beep.wav").write_bytes(b"RIFF")
    monkeypatch.setattr(installed, "_SHARE_ROOTS", (tmp_path,))
    layouts = ("asterisk/sounds/en", "asterisk/sounds/en_US_f_Allison")
    found = find_installed("malbeot-no-such-package", "beep.wav", layouts)
    assert found == moved / "beep.wav"


def test_no_test_or_benchmark_hard_codes_an_installed_package_path() -> None:
    pattern = re.compile(r"/usr/share/(asterisk|doc/asterisk)")
    offenders = [str(p.relative_to(REPO)) for folder in ("tests", "bench") for p in (REPO / folder).rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8")) and p.name != Path(__file__).name]
    assert offenders == []
