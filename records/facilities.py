"""Facilities and places in the records database, seeded from the illustrative sample when empty."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import delete, func, select

from dialog.places.facilities import Facility, FacilityDirectory, Place, read_sample_facilities

from . import models
from .store import Records


class FacilityStore:
    """Implements ``dialog.places.facilities.FacilityFinder`` over the tables (re-read on each question)."""

    def __init__(self, records: Records) -> None:
        self.records = records

    def seed(self, data: dict[str, Any] | None = None) -> int:
        """Load the sample (or ``data``) when the tables are empty; returns facilities added."""
        with self.records.session() as session:
            if session.scalar(select(func.count()).select_from(models.Facility)):
                return 0
        data = data or read_sample_facilities()
        with self.records.session.begin() as session:
            for p in data["places"]:
                session.merge(models.Place(name=p["name"], district=p.get("district", ""), lat=p["lat"],
                                           lon=p["lon"]))
            for f in data["facilities"]:
                session.add(models.Facility(**f))
        return len(data["facilities"])

    def directory(self) -> FacilityDirectory:
        roman = {p["name"]: p.get("name_en", "") for p in read_sample_facilities()["places"]}
        with self.records.session() as session:
            places = [Place(p.name, p.district, p.lat, p.lon, roman.get(p.name, ""))
                      for p in session.scalars(select(models.Place))]
            facilities = [Facility(f.id, f.kind, f.name_ko, f.name_en, f.district, f.dong, f.address_ko, f.lat, f.lon)
                          for f in session.scalars(select(models.Facility).order_by(models.Facility.id))]
        return FacilityDirectory(places, facilities)

    def locate(self, text: str) -> Place | None:
        return self.directory().locate(text)

    def nearest(self, kind: str, place: Place, n: int = 1) -> list[tuple[Facility, float]]:
        return self.directory().nearest(kind, place, n)

    def add(self, facility: Facility) -> None:
        with self.records.session.begin() as session:
            session.merge(models.Facility(**asdict(facility)))

    def remove(self, facility_id: str) -> bool:
        with self.records.session.begin() as session:
            return bool(session.execute(delete(models.Facility).where(models.Facility.id == facility_id)).rowcount)  # type: ignore[attr-defined]

    def all(self) -> list[Facility]:
        return self.directory().facilities


__all__ = ["FacilityStore"]
