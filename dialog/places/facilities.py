"""Facilities (community centres, shelters, libraries …) and "where is the nearest one" by voice.

A caller names a dong or an address ("사직동", "종로구 사직로에 살아요"); the place is located in
a list of known places (dong and district centroids) and the nearest facility of the kind asked
for is found by great-circle distance. When the caller did not say where they are, the assistant
asks once ("어느 동에 계세요?").

``FacilityDirectory`` keeps places and facilities in memory (the project's illustrative sample,
``sample_facilities.json``, or rows from the records database: ``records.facilities``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from dialog.answers import josa
from dialog.eligibility.check_flow import CONTROL_INTENTS, FlowReply
from dialog.intents import IntentName
from dialog.numerals import say_english, say_sino
from dialog.templates import numbers
from dialog.templates.flows import FACILITY, FACILITY_KINDS, FLOW_LANGUAGES, phrase

#: kind → (Korean name, English name, words that ask for it)
KINDS: dict[str, tuple[str, str, str]] = {
    "shelter": ("대피소", "shelter", r"대피소|대피\s*시설|민방위|shelter|bunker|避难所|避難所|nơi trú ẩn|hầm trú"),
    "heat_shelter": ("무더위·한파 쉼터", "heat and cold shelter", r"쉼터|무더위|한파|cooling|heat shelter|warming|"
                     r"避暑|避寒|暑さ|寒さ|tránh nóng|tránh rét"),
    "community_centre": ("행정복지센터", "community centre", r"주민\s*센터|행정\s*복지\s*센터|동사무소|동\s*주민|"
                         r"community cent(?:re|er)|行政福利中心|居民中心|住民センター|行政福祉センター|"
                         r"trung tâm hành chính|ủy ban phường"),
    "library": ("도서관", "library", r"도서관|library|图书馆|図書館|thư viện"),
    "health_centre": ("보건소", "health centre", r"보건소|health cent(?:re|er)|保健所|trạm y tế"),
}
DEFAULT_KIND = "community_centre"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    district: str
    lat: float
    lon: float
    #: the romanised name ("Sajik-dong")
    name_en: str = ""

    def label(self, language: str) -> str:
        return self.name if language == "ko" or not self.name_en else self.name_en


@dataclass(frozen=True, slots=True)
class Facility:
    id: str
    kind: str
    name_ko: str
    name_en: str
    district: str
    dong: str
    address_ko: str
    lat: float
    lon: float

    def name(self, language: str) -> str:
        return self.name_ko if language == "ko" else self.name_en or self.name_ko

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}


class FacilityFinder(Protocol):
    def locate(self, text: str) -> Place | None: ...

    def nearest(self, kind: str, place: Place, n: int = 1) -> list[tuple[Facility, float]]: ...


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _compact(text: str) -> str:
    return re.sub(r"[\s·.,\-]", "", text).lower()


class FacilityDirectory:
    def __init__(self, places: Iterable[Place], facilities: Iterable[Facility]) -> None:
        # longest names first: "종로1234가동" before "종로구"
        self.places = sorted(places, key=lambda p: (-len(p.name), p.name))
        self.facilities = list(facilities)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FacilityDirectory:
        return cls([Place(**p) for p in data["places"]], [Facility(**f) for f in data["facilities"]])

    @classmethod
    def sample(cls, path: str | Path | None = None) -> FacilityDirectory:
        return cls.from_json(read_sample_facilities(path))

    def locate(self, text: str) -> Place | None:
        said = _compact(text)
        for place in self.places:  # a dong name, also without its 동 ("사직에 살아요"), or romanised
            name = _compact(place.name)
            if name in said or (name.endswith("동") and len(name) > 2 and name[:-1] in said):
                return place
            roman = _compact(place.name_en)
            if roman and (roman in said or (roman.endswith("dong") and roman[:-4] in said and len(roman) > 6)):
                return place
        return None

    def nearest(self, kind: str, place: Place, n: int = 1) -> list[tuple[Facility, float]]:
        found = [(f, distance_m(place.lat, place.lon, f.lat, f.lon)) for f in self.facilities if f.kind == kind]
        return sorted(found, key=lambda fd: fd[1])[:n]


def read_sample_facilities(path: str | Path | None = None) -> dict[str, Any]:
    if path is None:
        text = resources.files("dialog.places").joinpath("sample_facilities.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def kind_of(text: str) -> str | None:
    lower = text.lower()
    for kind, (_, _, words) in KINDS.items():
        if re.search(words, lower):
            return kind
    return None


def say_distance(metres: float, language: str) -> str:
    """Distances as said aloud: "약 팔백 미터", "약 일 점 이 킬로미터", "about 800 metres" (zh, vi, ja:
    "800米", "tám trăm mét", "1.2キロメートル" — the sentence around it says "about")."""
    if language in FLOW_LANGUAGES:
        if metres < 1000:
            m = max(100, round(metres / 100.0) * 100)
            n = numbers.vi_words(m) if language == "vi" else str(m)
            return phrase(FACILITY, "metres", language, n=n)
        km = round(metres / 1000.0, 1)
        whole, tenth = int(km), round((km - int(km)) * 10)
        if language == "vi":  # the vi voice cuts at "." and ",": the decimal in words
            n = numbers.vi_words(whole) + (f" phẩy {numbers.vi_words(tenth)}" if tenth else "")
        else:
            n = f"{whole}.{tenth}" if tenth else str(whole)
        return phrase(FACILITY, "kilometres", language, n=n)
    if metres < 1000:
        m = max(100, round(metres / 100.0) * 100)
        return f"약 {say_sino(m)} 미터" if language == "ko" else f"about {say_english(m)} metres"
    km = round(metres / 1000.0, 1)
    whole, tenth = int(km), round((km - int(km)) * 10)
    if language == "ko":
        return f"약 {say_sino(whole)}{f' 점 {say_sino(tenth)}' if tenth else ''} 킬로미터"
    return f"about {say_english(whole)}{f' point {say_english(tenth)}' if tenth else ''} kilometres"


@dataclass
class FacilityState:
    """Waiting for the caller to say where they are."""

    kind: str


def _answer_templated(finder: FacilityFinder, kind: str, place: Place, language: str) -> FlowReply:
    """The nearest facility in Chinese, Vietnamese or Japanese; Korean names and addresses kept as they
    are (what the caller will see on the signs), the kind of place said in the caller's language."""
    found = finder.nearest(kind, place, 1)
    kind_name = phrase(FACILITY_KINDS, kind, language)
    place_name = place.name_en or place.name if language == "vi" else place.name
    if not found:
        return FlowReply(phrase(FACILITY, "none_near", language, place=place_name, kind=kind_name), language,
                         "facility", done=True)
    facility, metres = found[0]
    text = phrase(FACILITY, "nearest", language, place=place_name, kind=kind_name, name=facility.name_ko,
                  distance=say_distance(metres, language), address=facility.address_ko)
    return FlowReply(text[:1].upper() + text[1:], language, "facility", done=True)


def _answer(finder: FacilityFinder, kind: str, place: Place, language: str) -> FlowReply:
    if language in FLOW_LANGUAGES:
        return _answer_templated(finder, kind, place, language)
    found = finder.nearest(kind, place, 1)
    ko_kind, en_kind, _ = KINDS[kind]
    if not found:
        text = (f"{place.name} 근처의 {ko_kind} 정보가 없어요. 120 다산콜센터에 물어보세요." if language == "ko"
                else f"I have no {en_kind} listed near {place.label(language)}. Please call 120 for help.")
        return FlowReply(text, language, "facility", done=True)
    facility, metres = found[0]
    if language == "ko":
        text = (f"{place.name}에서 가장 가까운 {josa(ko_kind, '은', '는')} "
                f"{josa(facility.name_ko, '이에요', '예요')}. {facility.address_ko}에 있고, "
                f"{say_distance(metres, 'ko')} 떨어져 있어요. "
                "위치는 예시 자료 기준이니 긴급할 때는 119나 120에 확인하세요.")
    else:
        text = (f"The nearest {en_kind} to {place.label(language)} is {facility.name_en or facility.name_ko}, "
                f"{say_distance(metres, 'en')} away. This is sample data: in an emergency, call 119 or 120.")
    return FlowReply(text, language, "facility", done=True)


def find_facility(finder: FacilityFinder, text: str, language: str) -> tuple[FacilityState | None, FlowReply]:
    """The answer to "where is the nearest …", or a question for the caller's dong."""
    kind = kind_of(text) or DEFAULT_KIND
    place = finder.locate(text)
    if place is not None:
        return None, _answer(finder, kind, place, language)
    ask = ("어느 동에 계세요? 동 이름이나 주소를 말씀해 주시면 가장 가까운 곳을 알려 드릴게요." if language == "ko"
           else phrase(FACILITY, "where", language) if language in FLOW_LANGUAGES
           else "Which dong or address are you at? I will tell you the nearest one.")
    return FacilityState(kind), FlowReply(ask, language, "facility_where")


def facility_turn(finder: FacilityFinder, state: FacilityState, intent: IntentName, text: str,
                  language: str) -> FlowReply | None:
    """The caller's answer to "어느 동에 계세요?"; ``None`` when it is something else."""
    if intent in CONTROL_INTENTS:
        return None
    place = finder.locate(text)
    if place is None:
        return None
    return _answer(finder, kind_of(text) or state.kind, place, language)


__all__ = [
    "DEFAULT_KIND",
    "KINDS",
    "Facility",
    "FacilityDirectory",
    "FacilityFinder",
    "FacilityState",
    "Place",
    "distance_m",
    "facility_turn",
    "find_facility",
    "kind_of",
    "read_sample_facilities",
    "say_distance",
]
