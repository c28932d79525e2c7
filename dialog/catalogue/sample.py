"""The project's illustrative sample catalogue (``sample_catalogue.json``), loaded into a ``Catalogue``.

The file is sample data written by the project in its own words, not an official list; its
top-level ``notice`` says so and every programme carries ``"illustrative": true``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from dialog.catalogue.programmes import Catalogue, Programme

SAMPLE_FILE = "sample_catalogue.json"


def read_sample(path: str | Path | None = None) -> dict[str, Any]:
    """The raw JSON object (``notice``, ``programmes`` ...)."""
    if path is None:
        text = resources.files("dialog.catalogue").joinpath(SAMPLE_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def sample_programmes(path: str | Path | None = None) -> list[Programme]:
    return [Programme.from_dict(p) for p in read_sample(path)["programmes"]]


def sample_notice(path: str | Path | None = None) -> str:
    return str(read_sample(path)["notice"])


def load_sample(catalogue: Catalogue | None = None, path: str | Path | None = None) -> Catalogue:
    """``catalogue`` (a new in-memory one by default) with the sample programmes upserted."""
    catalogue = catalogue if catalogue is not None else Catalogue()
    catalogue.upsert_many(sample_programmes(path))
    return catalogue


__all__ = ["SAMPLE_FILE", "load_sample", "read_sample", "sample_notice", "sample_programmes"]
