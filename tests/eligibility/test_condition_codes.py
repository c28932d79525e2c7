"""National condition codes (JA…) and detail texts → structured eligibility, then matched."""

from __future__ import annotations

from typing import Any

import pytest

from dialog.catalogue.importer import apply_conditions, programme_from_record
from dialog.catalogue.programmes import Catalogue, Eligibility, Programme
from dialog.eligibility.assess import Verdict, assess
from dialog.eligibility.conditions import eligibility_from_conditions
from dialog.eligibility.profile import Attribute, profile_from_simple

Y = "Y"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"JA0102": Y}, Eligibility(sex="female")),
        ({"JA0101": Y, "JA0102": Y}, Eligibility()),  # both: no condition
        ({"JA0110": "65", "JA0111": "150"}, Eligibility(min_age=65)),
        ({"JA0110": "0", "JA0111": "5"}, Eligibility(max_age=5)),
        ({"JA0110": "19", "JA0111": "34", "JA0201": Y, "JA0202": Y}, Eligibility(min_age=19, max_age=34,
                                                                              income_max_pct_median=75)),
        ({"JA0201": Y, "JA0202": Y, "JA0203": Y, "JA0204": Y, "JA0205": Y}, Eligibility()),
        ({"JA0328": Y}, Eligibility(requires_disability=True)),
        ({"JA0327": Y, "JA0328": Y}, Eligibility()),  # job-seekers OR disabled: not expressible, left open
        ({"JA0302": Y}, Eligibility(requires_pregnancy=True)),
        ({"JA0329": Y, "JA0322": Y}, Eligibility()),
        ({"JA0403": Y, "JA0411": Y}, Eligibility(household_types=("한부모", "조손", "다자녀"))),
        ({"JA0404": Y, "JA0412": Y}, Eligibility()),  # 무주택 has no household-type counterpart
        ({"JA0404": Y, "JA0410": Y}, Eligibility()),
        ({"JA0110": "abc", "JA0313": Y}, Eligibility(requires_farmer=True)),
    ],
)
def test_condition_codes(record: dict[str, Any], expected: Eligibility) -> None:
    assert eligibility_from_conditions(record) == expected


def test_codes_refine_text_conditions_and_are_matched() -> None:
    catalogue = Catalogue()
    catalogue.upsert(Programme("SVC-1", "어르신 난방비", eligibility=Eligibility(min_age=60)))
    assert apply_conditions(catalogue, [{"서비스ID": "SVC-1", "JA0110": "65", "JA0404": Y, "JA0201": Y},
                                        {"서비스ID": "UNKNOWN", "JA0102": Y}]) == 1
    programme = catalogue.get("SVC-1")
    assert programme.eligibility == Eligibility(min_age=65, income_max_pct_median=50, household_types=("1인가구",))
    alone = profile_from_simple({"birth_year": 1950, "household": ["1인가구"], "income_pct_median": 40})
    couple = profile_from_simple({"birth_year": 1950, "household": [], "income_pct_median": 40})
    assert assess(programme, alone).verdict is Verdict.MEETS
    assert assess(programme, couple).verdict is Verdict.FAILS


@pytest.mark.parametrize(
    ("target", "min_age", "max_age"),
    [
        ("만 19세 이상 34세 이하 청년", 19, 34),
        ("만 65세 이상 어르신", 65, None),
        ("만 18세 미만 아동을 키우는 가정", None, None),  # a child's age, not the applicant's
        ("39세 이하", None, 39),
    ],
)
def test_ages_read_from_detail_text(target: str, min_age: int | None, max_age: int | None) -> None:
    p = programme_from_record({"servId": "W1", "servNm": "시험", "tgtrDtlCn": target})
    assert (p.eligibility.min_age, p.eligibility.max_age) == (min_age, max_age)


def test_profile_from_plain_keys() -> None:
    with pytest.raises(ValueError, match="unknown profile keys"):
        profile_from_simple({"shoe_size": 40})
    p = profile_from_simple({"age": 30, "disability": True, "sex": "female", "district": "종로구",
                             "youngest_child_age": 3, "household_size": 3})
    assert p.consent and p.flag(Attribute.DISABILITY) is True and p.text(Attribute.SEX) == "female"
    assert {a.value for a in p.facts} == {"age", "disability", "sex", "district", "child_age"}
    assert p.household_size == 3
