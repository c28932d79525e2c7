"""Fixtures of the check-in tests: the staff API world (tests/staff) is reused."""

from __future__ import annotations

from tests.staff.conftest import StaffWorld, world

__all__ = ["StaffWorld", "world"]
