"""Everything the gateway needs from the records database, opened lazily on first use.

``Services.records`` holds one ``RecordsHub``. Nothing touches the database until a caller
submits an application, asks for a facility, or staff call the API — so a gateway that is never
used for these never creates ``var/records.db``. The hub holds stores only; the notifier it hands
to the safety alerts is given by the gateway (``notifier``, or ``notifier_factory`` called on first
use), which also builds the residents' alert service over ``subscriptions``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import cached_property

from dialog.applications.application_flow import ApplicationSink, Receipt, Submission
from dialog.catalogue.programmes import Catalogue
from dialog.civil.knowledge import CivilKnowledge
from dialog.places.facilities import Facility, FacilityFinder, Place
from malbeot_core.notify import Notifier
from malbeot_core.service_settings import service_settings

from .alerts import SubscriptionStore
from .applications import ApplicationStore
from .checkin_queue import CallQueue
from .checkins import ResidentStore
from .civil import CivilRegistry
from .config import RecordsConfig
from .facilities import FacilityStore
from .programmes import ProgrammeRegistry
from .safety import SafetyAlerts
from .staff import StaffStore
from .store import Records
from .sync import CATALOGUE, version
from .vectors import PassageVectors


class RecordsHub:
    def __init__(self, config: RecordsConfig | None = None, notifier: Notifier | None = None,
                 admin_token: str | None = None, notifier_factory: Callable[[], Notifier] | None = None) -> None:
        self.config = config or RecordsConfig.from_env()
        self._notifier = notifier
        self._notifier_factory = notifier_factory
        self._admin_token = admin_token if admin_token is not None else service_settings().admin_token
        self._lock = threading.RLock()

    @cached_property
    def records(self) -> Records:
        with self._lock:
            records = Records.open(self.config)
            FacilityStore(records).seed()
            if self._admin_token:
                StaffStore(records).ensure_admin(self._admin_token)
            return records

    @cached_property
    def applications(self) -> ApplicationStore:
        return ApplicationStore(self.records)

    @cached_property
    def staff(self) -> StaffStore:
        return StaffStore(self.records)

    @cached_property
    def checkin_residents(self) -> ResidentStore:
        return ResidentStore(self.records)

    @cached_property
    def checkin_calls(self) -> CallQueue:
        return CallQueue(self.records)

    @cached_property
    def facilities(self) -> FacilityStore:
        return FacilityStore(self.records)

    @cached_property
    def subscriptions(self) -> SubscriptionStore:
        """Residents' alert subscriptions (the gateway's ``AlertService`` sends codes and alerts)."""
        return SubscriptionStore(self.records)

    @cached_property
    def notifier(self) -> Notifier:
        """Where alerts go: the notifier given, else the factory's (made once, on first use)."""
        if self._notifier is not None:
            return self._notifier
        if self._notifier_factory is None:
            raise RuntimeError("this records hub was given no notifier (notifier= or notifier_factory=)")
        return self._notifier_factory()

    @cached_property
    def safety(self) -> SafetyAlerts:
        """Callers in danger, for staff (sent through the same notifier as residents' alerts)."""
        return SafetyAlerts(self.records, self.notifier)

    def programmes(self, catalogue: Catalogue) -> ProgrammeRegistry:
        return ProgrammeRegistry(self.records, catalogue)

    def civil(self, knowledge: CivilKnowledge) -> CivilRegistry:
        return CivilRegistry(self.records, knowledge)

    def restore_civil(self, knowledge: CivilKnowledge) -> int:
        """Put staff-managed civil entries back into a fresh knowledge base (if a database exists)."""
        return self.civil(knowledge).restore_into() if self.exists() else 0

    @property
    def shared(self) -> bool:
        """The records database is a server (PostgreSQL) that replicas share, not the embedded SQLite."""
        return not self.config.url.startswith("sqlite")

    def vectors(self) -> PassageVectors | None:
        """Stored passage vectors, where replicas share the database (None on the embedded SQLite)."""
        return PassageVectors(self.records) if self.shared else None

    def catalogue_version(self) -> int:
        """The catalogue's sync counter (moved by every staff edit; 0 when never edited)."""
        return version(self.records, CATALOGUE) if self.exists() else 0

    def exists(self) -> bool:
        """A database is there already (SQLite file present, or any other configured URL)."""
        url = self.config.url
        if url.startswith("sqlite:///"):
            return os.path.exists(url.removeprefix("sqlite:///"))
        return True

    def restore_programmes(self, catalogue: Catalogue) -> int:
        """Put staff-managed programmes back into a freshly built catalogue (if a database exists)."""
        return self.programmes(catalogue).restore_into() if self.exists() else 0

    # lazy adapters for the dialog -------------------------------------------------------------------
    def sink(self) -> ApplicationSink:
        hub = self

        class _Sink:
            def submit(self, submission: Submission) -> Receipt:
                return hub.applications.submit(submission)

        return _Sink()

    def finder(self) -> FacilityFinder:
        hub = self

        class _Finder:
            def locate(self, text: str) -> Place | None:
                return hub.facilities.locate(text)

            def nearest(self, kind: str, place: Place, n: int = 1) -> list[tuple[Facility, float]]:
                return hub.facilities.nearest(kind, place, n)

        return _Finder()

    def close(self) -> None:
        if "records" in self.__dict__:
            self.records.close()


__all__ = ["RecordsHub"]
