"""The national public-service condition codes (보조금24 / 공공서비스 정보 ``supportConditions``) as ``Eligibility``.

A support-conditions record flags conditions with ``"Y"``: ``JA0101``/``JA0102`` sex, ``JA0110``/
``JA0111`` age from/to, ``JA0201``–``JA0205`` median-income bands (0–50, 51–75, 76–100, 101–200,
over 200 %), ``JA03xx`` personal situations (``JA0302`` pregnant, ``JA0313`` farmer, ``JA0317``–
``JA0320`` student, ``JA0327`` job-seeker, ``JA0328`` disabled, ``JA0329`` veteran …), ``JA04xx``
household types (``JA0401`` multicultural, ``JA0403`` single-parent/grandparent, ``JA0404`` one
person, ``JA0411`` multi-child …); ``JA0322`` / ``JA0410`` mean "none of these".

Flags within a group are alternatives ("job-seekers or disabled people"). ``Eligibility`` holds
alternatives only for household types, so a personal requirement is taken only when it is the
group's single flag, and a household condition only when every flagged type can be expressed;
anything else is left as no condition (the office decides) rather than guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dialog.catalogue.programmes import Eligibility

INCOME_BANDS = {"JA0201": 50, "JA0202": 75, "JA0203": 100, "JA0204": 200, "JA0205": None}
PERSONAL = {
    "JA0301": None, "JA0302": "requires_pregnancy", "JA0303": None, "JA0313": "requires_farmer",
    "JA0314": None, "JA0315": None, "JA0316": None, "JA0317": "requires_student", "JA0318": "requires_student",
    "JA0319": "requires_student", "JA0320": "requires_student", "JA0326": None, "JA0327": "requires_job_seeker",
    "JA0328": "requires_disability", "JA0329": "requires_veteran", "JA0330": None,
}
HOUSEHOLDS: dict[str, tuple[str, ...] | None] = {
    "JA0401": ("다문화",), "JA0402": None, "JA0403": ("한부모", "조손"), "JA0404": ("1인가구",), "JA0411": ("다자녀",),
    "JA0412": None, "JA0413": None, "JA0414": None,
}
NONE_OF_THESE = ("JA0322", "JA0410")
#: an age bound at or beyond this means "no bound"
NO_AGE_LIMIT = 120


def _flag(record: Mapping[str, Any], code: str) -> bool:
    return str(record.get(code, "")).strip().upper() == "Y"


def _age(value: Any) -> int | None:
    try:
        age = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return age if 0 <= age < NO_AGE_LIMIT else None


def eligibility_from_conditions(record: Mapping[str, Any], base: Eligibility | None = None) -> Eligibility:
    """``base`` (e.g. conditions read from the text) with what the condition codes state."""
    e = base or Eligibility()
    changes: dict[str, Any] = {}
    male, female = _flag(record, "JA0101"), _flag(record, "JA0102")
    if male != female:
        changes["sex"] = "male" if male else "female"
    low, high = _age(record.get("JA0110")), _age(record.get("JA0111"))
    if low:  # 0 is "from birth": no lower bound
        changes["min_age"] = low
    if high is not None and (low is None or high >= low):
        changes["max_age"] = high
    bands = [code for code in INCOME_BANDS if _flag(record, code)]
    if bands and "JA0205" not in bands:
        changes["income_max_pct_median"] = max(INCOME_BANDS[c] or 0 for c in bands)
    personal = [code for code in PERSONAL if _flag(record, code)]
    if len(personal) == 1 and not _flag(record, "JA0322") and PERSONAL[personal[0]] is not None:
        changes[str(PERSONAL[personal[0]])] = True
    households = [code for code in HOUSEHOLDS if _flag(record, code)]
    if households and not _flag(record, "JA0410") and all(HOUSEHOLDS[c] is not None for c in households):
        changes["household_types"] = tuple(t for c in households for t in (HOUSEHOLDS[c] or ()))
    return replace(e, **changes)


__all__ = ["HOUSEHOLDS", "INCOME_BANDS", "PERSONAL", "eligibility_from_conditions"]
