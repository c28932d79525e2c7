"""Applying by voice: slot filling with read-back and correction, a summary, submission, a receipt.

For a programme marked ``online_application``, the fields it needs (``dialog.applications.application_fields``)
are asked one at a time. Each answer is read back for confirmation — sensitive ones masked ("끝자리가
오육칠팔인 번호") — and the caller confirms, corrects ("아니요, 끝자리는 4예요" / "no, it ends in 4")
or says it again. A summary follows; on "yes" / "submit" the application goes to an
``ApplicationSink`` with an idempotency key per conversation and programme, so a repeated "submit"
(or a retried request after a dropped connection) returns the same receipt and stores nothing twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Protocol

from dialog.answer_language import programme_name
from dialog.applications.application_fields import FIELDS, FieldSpec, correct_tail, fields_for
from dialog.catalogue.programmes import Programme
from dialog.eligibility.check_flow import CONTROL_INTENTS, FlowReply
from dialog.eligibility.profile import parse_yes_no
from dialog.intents import IntentName
from dialog.numerals import say_digits_english, say_digits_ko
from dialog.templates import numbers
from dialog.templates.flows import APPLICATION, FLOW_LANGUAGES, phrase


@dataclass(frozen=True, slots=True)
class Submission:
    idempotency_key: str
    conversation_id: str
    programme_id: str
    programme_name: str
    language: str
    #: field name → value (sensitive values in clear: the sink encrypts them)
    fields: dict[str, str]

    def __repr__(self) -> str:  # never print field values
        return f"Submission({self.idempotency_key!r}, {self.programme_id!r}, fields={sorted(self.fields)})"


@dataclass(frozen=True, slots=True)
class Receipt:
    number: str
    #: False: the same idempotency key was submitted before; this is the earlier receipt
    created: bool = True


class ApplicationSink(Protocol):
    """Durable storage of applications (``records.applications.ApplicationStore``)."""

    def submit(self, submission: Submission) -> Receipt: ...


Stage = Literal["value", "confirm", "summary", "which_field", "submitted"]


@dataclass
class ApplicationState:
    programme_id: str
    fields: tuple[str, ...]
    index: int = 0
    values: dict[str, str] = field(default_factory=dict)
    stage: Stage = "value"
    pending: str | None = None
    misheard: int = 0
    #: correcting one field from the summary: go back to the summary after it
    editing: bool = False
    receipt: str = ""

    def __repr__(self) -> str:
        return f"ApplicationState({self.programme_id!r}, stage={self.stage!r}, filled={sorted(self.values)})"

    @property
    def spec(self) -> FieldSpec:
        return FIELDS[self.fields[self.index]]


_SUBMIT = re.compile(r"제출|접수|신청해|신청할게|보내|submit|send it|go ahead|apply now|"
                     r"提交|递交|申请吧|gửi đi|gửi đơn|nộp đơn|送信|提出|申請して")

_TEXT = {
    "intro": ("{name} 신청을 도와드릴게요. {labels}를 차례로 여쭤볼게요. 말씀하신 정보는 암호화해서 신청에만 쓰고, "
              "그만하시려면 언제든 취소라고 말씀해 주세요.",
              "I will help you apply for {name}. I will ask for your {labels}, one at a time. What you tell me is "
              "encrypted and used only for this application; say 'cancel' at any time to stop."),
    "confirm": ("{label}, {spoken}. 맞나요?", "Your {label}: {spoken}. Is that right?"),
    "misheard": ("죄송해요, 잘 못 알아들었어요.", "Sorry, I did not catch that."),
    "way_out": ("그만하시려면 취소, 사람과 통화하시려면 상담원이라고 말씀해 주세요.",
                "Say 'cancel' to stop, or 'agent' to talk to a person."),
    "again": ("다시 말씀해 주세요.", "Please say it again."),
    "carry_on": ("네, 신청을 계속할게요.", "Yes, let's carry on with the application."),
    "not_now": ("괜찮아요. 신청을 그만하시려면 취소라고 말씀해 주세요.", "That's fine. To stop, say 'cancel'."),
    "summary": ("신청 내용을 확인할게요. {name}, {items}. 이대로 신청할까요?",
                "Let me check your application for {name}: {items}. Shall I submit it?"),
    "which": ("어떤 항목을 고칠까요? {labels} 가운데 말씀해 주세요.", "Which item should I change: {labels}?"),
    "submitted": ("신청이 접수됐어요. 접수번호는 {spoken}입니다. 화면에도 보여 드릴게요. 결과는 행정복지센터에서 "
                  "연락드려요.",
                  "Your application has been received. Your receipt number is {spoken}. It is shown on your screen "
                  "too. The district office will contact you with the decision."),
    "already": ("이미 접수된 신청이에요. 접수번호는 {spoken}입니다.",
                "This application was already submitted. Your receipt number is {spoken}."),
    "cancelled": ("신청을 취소했어요. 아무것도 접수되지 않았어요. 다른 궁금한 것이 있으면 말씀해 주세요.",
                  "I have cancelled the application; nothing was submitted. Is there anything else I can help with?"),
    "unavailable": ("{name}은 전화로 바로 신청할 수 없어요. {how}", "{name} cannot be applied for by phone. {how}"),
    "corrected": ("고쳤어요.", "Corrected."),
}


def _t(key: str, language: str, **values: str) -> str:
    """An application sentence: Korean and English here, Chinese, Vietnamese and Japanese from the
    project's templates (``dialog.templates.flows.APPLICATION``; a missing one is a ``KeyError``)."""
    if language in FLOW_LANGUAGES:
        return phrase(APPLICATION, key, language, **values)
    ko, en = _TEXT[key]
    return (ko if language == "ko" else en).format(**values)


def _sep(language: str) -> str:
    return phrase(APPLICATION, "list_sep", language) if language in FLOW_LANGUAGES else ", "


def _item(spec: FieldSpec, value: str, language: str) -> str:
    spoken = spec.speak(value, language)
    if language in FLOW_LANGUAGES:
        return phrase(APPLICATION, "item", language, label=spec.label(language), spoken=spoken)
    return f"{spec.label(language)} {spoken}"


def speak_receipt(number: str, language: str) -> str:
    """"MB-261123-4821" → "이육일일이삼 다시 사팔이일" / "two six one one two three, four eight two one"
    ("二六一一二三，四八二一" / "hai sáu một một hai ba, bốn tám hai một" / "二六一一二三の四八二一")."""
    groups = re.findall(r"\d+", number)
    if language in FLOW_LANGUAGES:
        return numbers.number_groups(number, language)
    if language == "ko":
        return " 다시 ".join(say_digits_ko(g) for g in groups)
    return ", ".join(say_digits_english(g) for g in groups)


class ApplicationFlow:
    def __init__(self, sink: ApplicationSink) -> None:
        self.sink = sink

    def start(self, programme: Programme, language: str) -> tuple[ApplicationState, FlowReply]:
        specs = fields_for(programme)
        app = ApplicationState(programme.id, tuple(s.name for s in specs))
        labels = _sep(language).join(s.label(language) for s in specs)
        intro = _t("intro", language, name=programme_name(programme, language), labels=labels)
        return app, self._reply(f"{intro} {app.spec.prompt(language)}", language, "application_field", programme)

    def turn(self, app: ApplicationState, programme: Programme, intent: IntentName, said: str, language: str,
             conversation_id: str) -> FlowReply | None:
        if intent in CONTROL_INTENTS:
            return None
        if app.stage == "submitted":
            if intent is IntentName.AFFIRM or intent is IntentName.APPLY or _SUBMIT.search(said.lower()):
                return self._submit(app, programme, language, conversation_id)  # idempotent: same receipt
            return None
        if intent is IntentName.CANCEL:
            return FlowReply(_t("cancelled", language), language, "application_cancelled", done=True)
        if intent in (IntentName.FIND_FACILITY, IntentName.CHECK_ELIGIBILITY, IntentName.DETAILS):
            return None  # a question on the side: answered as usual, the application waits
        match app.stage:
            case "value":
                return self._value(app, programme, intent, said, language)
            case "confirm":
                return self._confirm(app, programme, intent, said, language)
            case "summary":
                return self._summary_turn(app, programme, intent, said, language, conversation_id)
            case "which_field":
                return self._which(app, programme, intent, said, language, conversation_id)
        return None

    # -- stages -------------------------------------------------------------------------------------
    def _value(self, app: ApplicationState, programme: Programme, intent: IntentName, said: str,
               language: str) -> FlowReply:
        value = app.spec.parse(said)
        if value is None:  # not a plausible value: nothing is stored, the field is asked again
            app.misheard += 1
            lead = self._not_a_value(intent, said)
            hint = f" {_t('way_out', language)}" if app.misheard >= 2 and lead != "not_now" else ""
            return self._reply(f"{_t(lead, language)} {app.spec.retry(language)}{hint}", language,
                               "application_field", programme)
        app.pending, app.stage, app.misheard = value, "confirm", 0
        return self._ask_confirm(app, programme, language)

    def _ask_confirm(self, app: ApplicationState, programme: Programme, language: str, prefix: str = "") -> FlowReply:
        assert app.pending is not None
        spec = app.spec
        body = _t("confirm", language, label=spec.label(language), spoken=spec.speak(app.pending, language))
        return self._reply(f"{prefix} {body}".strip(), language, "application_confirm", programme)

    def _confirm(self, app: ApplicationState, programme: Programme, intent: IntentName, said: str,
                 language: str) -> FlowReply:
        assert app.pending is not None
        spec = app.spec
        tail = correct_tail(spec, app.pending, said)
        if tail is not None:
            app.pending = tail
            return self._ask_confirm(app, programme, language, _t("corrected", language))
        yes = True if intent is IntentName.AFFIRM else parse_yes_no(said)
        restated = spec.parse(said)
        if restated is not None and restated != app.pending and not (yes and intent is IntentName.AFFIRM):
            app.pending = restated  # "아니요, 공일공 …": said again in full
            return self._ask_confirm(app, programme, language)
        if yes:
            app.values[spec.name] = app.pending
            app.pending = None
            if app.editing or app.index + 1 >= len(app.fields):
                return self._summary(app, programme, language)
            app.index += 1
            app.stage = "value"
            return self._reply(app.spec.prompt(language), language, "application_field", programme)
        app.pending, app.stage = None, "value"
        return self._reply(f"{_t('again', language)} {spec.prompt(language)}", language, "application_field",
                           programme)

    def _summary(self, app: ApplicationState, programme: Programme, language: str) -> FlowReply:
        app.stage, app.editing = "summary", False
        items = _sep(language).join(_item(FIELDS[n], app.values[n], language) for n in app.fields)
        return self._reply(_t("summary", language, name=programme_name(programme, language), items=items), language,
                           "application_summary", programme)

    def _summary_turn(self, app: ApplicationState, programme: Programme, intent: IntentName, said: str,
                      language: str, conversation_id: str) -> FlowReply:
        named = self._named_field(app, said, language)
        if named is not None:  # "전화번호 끝자리는 4예요" straight from the summary
            spec = FIELDS[named]
            tail = correct_tail(spec, app.values[named], said)
            if tail is not None:
                app.values[named] = tail
                return self._summary(app, programme, language)
            app.index, app.editing, app.stage = app.fields.index(named), True, "value"
            return self._reply(spec.prompt(language), language, "application_field", programme)
        yes = intent in (IntentName.AFFIRM, IntentName.APPLY) or bool(_SUBMIT.search(said.lower()))
        if yes and parse_yes_no(said) is not False:
            return self._submit(app, programme, language, conversation_id)
        app.stage = "which_field"
        labels = _sep(language).join(FIELDS[n].label(language) for n in app.fields)
        return self._reply(_t("which", language, labels=labels), language, "application_edit", programme)

    def _which(self, app: ApplicationState, programme: Programme, intent: IntentName, said: str, language: str,
               conversation_id: str) -> FlowReply:
        named = self._named_field(app, said, language)
        if named is None and (intent in (IntentName.AFFIRM, IntentName.APPLY) or _SUBMIT.search(said.lower())):
            return self._submit(app, programme, language, conversation_id)  # nothing to change after all
        if named is None:
            labels = _sep(language).join(FIELDS[n].label(language) for n in app.fields)
            return self._reply(_t("which", language, labels=labels), language, "application_edit", programme)
        app.index, app.editing, app.stage = app.fields.index(named), True, "value"
        return self._reply(FIELDS[named].prompt(language), language, "application_field", programme)

    def _submit(self, app: ApplicationState, programme: Programme, language: str, conversation_id: str) -> FlowReply:
        submission = Submission(
            idempotency_key=f"{conversation_id}:{programme.id}",
            conversation_id=conversation_id,
            programme_id=programme.id,
            programme_name=programme.name_ko,
            language=language,
            fields=dict(app.values),
        )
        receipt = self.sink.submit(submission)
        repeated = app.stage == "submitted" or not receipt.created
        app.stage, app.receipt = "submitted", receipt.number
        spoken = speak_receipt(receipt.number, language)
        body = _t("already" if repeated else "submitted", language, spoken=spoken)
        return FlowReply(body, language, "application_submitted", (programme,), receipt=receipt.number)

    # -- helpers ------------------------------------------------------------------------------------
    @staticmethod
    def _not_a_value(intent: IntentName, said: str) -> str:
        """How a re-asked field begins: "yes, go on" heard, "no" heard, or not understood."""
        if intent in (IntentName.AFFIRM, IntentName.APPLY) or _SUBMIT.search(said.lower()):
            return "carry_on"
        answer = parse_yes_no(said)
        if answer is True:
            return "carry_on"
        if intent is IntentName.DENY or answer is False:
            return "not_now"
        return "misheard"

    @staticmethod
    def _named_field(app: ApplicationState, said: str, language: str) -> str | None:
        lower = said.lower()
        aliases = {"rrn": ("주민", "registration", "登录号码", "登録番号", "số đăng ký"),
                   "phone": ("전화", "휴대폰", "핸드폰", "phone", "number", "电话", "電話", "điện thoại"),
                   "address": ("주소", "address", "地址", "住所", "địa chỉ"),
                   "account": ("계좌", "통장", "account", "bank", "账户", "账号", "口座", "tài khoản"),
                   "name": ("성함", "이름", "name", "姓名", "名字", "名前", "họ tên")}
        for name in app.fields:
            if any(a in lower for a in aliases.get(name, ())):
                return name
        return None

    @staticmethod
    def _reply(body: str, language: str, intent: str, programme: Programme) -> FlowReply:
        return FlowReply(body, language, intent, (programme,))


__all__ = [
    "ApplicationFlow",
    "ApplicationSink",
    "ApplicationState",
    "Receipt",
    "Submission",
    "speak_receipt",
]
