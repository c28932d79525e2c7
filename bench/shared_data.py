"""Where the benchmarks find ``../shared/data`` (real speech and benefit data, never in the repo):
next to the checkout, or where ``MALBEOT_SHARED_DATA`` points (as in ``tests/conftest.py``)."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("MALBEOT_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))

__all__ = ["SHARED"]
