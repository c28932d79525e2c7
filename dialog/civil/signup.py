"""Community-centre class sign-up through the existing voice application flow.

An entry marked ``sign_up`` becomes a ``Programme`` the application flow can take
(``dialog.applications.application_flow``: each answer read back, a summary, a receipt): its name, how to
apply composed from its fields, and the fields a sign-up needs (name and phone). The centre
calls the resident back to choose the class and time.
"""

from __future__ import annotations

from dialog.catalogue.programmes import Programme
from dialog.civil.compose import where_sentence
from dialog.civil.entry import CivilEntry

#: what a class sign-up asks for
SIGN_UP_FIELDS = ("name", "phone")


def as_programme(entry: CivilEntry) -> Programme:
    return Programme(
        id=entry.id,
        name_ko=entry.name("ko"),
        name_en=entry.names.get("en", ""),
        summary_ko=entry.notes.get("ko", ""),
        summary_en=entry.notes.get("en", ""),
        how_to_apply_ko=where_sentence(entry, "ko"),
        how_to_apply_en=where_sentence(entry, "en"),
        contact=entry.phone,
        online_application=entry.sign_up,
        application_fields=SIGN_UP_FIELDS if entry.sign_up else (),
        url=entry.url,
        source=f"civil:{entry.source}" if entry.source else "civil",
    )


__all__ = ["SIGN_UP_FIELDS", "as_programme"]
