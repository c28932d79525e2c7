"""``describe`` → ``info``: what this server offers, built from the gateway's configuration.

Nothing is loaded to answer: the voices are named as :meth:`tts.registry.VoiceSelector.voices`
names them (the loaded voice, or the one the first request will load). Each configured language
has one voice, ``malbeot-<lang>`` (a stable name a client can save), whose description says
which backend speaks it (``kokoro/jm_kumo`` for Korean, ``piper/...`` for English).
"""

from __future__ import annotations

from importlib import metadata

from wyoming.info import (
    AsrModel,
    AsrProgram,
    Attribution,
    HandleModel,
    HandleProgram,
    Info,
    TtsProgram,
    TtsVoice,
)

from malbeot_core import models as model_lock
from malbeot_core.errors import MalbeotError

from ..services import Services

ASR_PROGRAM = "malbeot-asr"
TTS_PROGRAM = "malbeot-tts"
HANDLE_PROGRAM = "malbeot-benefits"
MALBEOT = Attribution(name="Malbeot", url="")

LANGUAGE_NAMES = {
    "ko": "한국어 Korean",
    "en": "English",
    "vi": "Tiếng Việt Vietnamese",
    "zh": "中文 Chinese",
    "ja": "日本語 Japanese",
}

#: the models.lock entry (or fixed attribution) of each TTS backend
_BACKEND_MODELS = {"kokoro": "kokoro-82m-v1.0-int8", "piper": "piper-en-joe-medium"}
_BACKEND_ATTRIBUTIONS = {
    "espeak": Attribution(name="eSpeak NG", url="https://github.com/espeak-ng/espeak-ng"),
    "coqui": Attribution(name="Coqui TTS", url="https://github.com/idiap/coqui-ai-TTS"),
}


def voice_name(language: str) -> str:
    """The Wyoming name of the voice that speaks ``language``."""
    return f"malbeot-{language}"


def voice_language(name: str, languages: tuple[str, ...]) -> str | None:
    """The language of a voice named by :func:`voice_name` (None: no such voice)."""
    prefix = "malbeot-"
    language = name[len(prefix) :] if name.startswith(prefix) else ""
    return language if language in languages else None


def malbeot_version() -> str:
    try:
        return metadata.version("malbeot")
    except metadata.PackageNotFoundError:
        return "0"


def _source_url(source: str) -> str:
    """``"huggingface:Systran/faster-whisper-base"`` → its web address."""
    scheme, _, rest = source.partition(":")
    repo = rest.split(" ")[0]
    hosts = {
        "huggingface": "https://huggingface.co/",
        "github": "https://github.com/",
        "pypi": "https://pypi.org/project/",
    }
    return hosts[scheme] + repo if scheme in hosts and repo else ""


def model_attribution(model: str) -> tuple[Attribution, str | None]:
    """Who made a models.lock model, where it is from, and its pinned revision."""
    try:
        entry = model_lock.load_lock()[model]
    except (KeyError, MalbeotError):
        return Attribution(name=model, url=""), None
    maker = entry.source.partition(":")[2].split("/")[0] or model
    return Attribution(name=maker, url=_source_url(entry.source)), entry.revision


def _backend_attribution(backend: str) -> tuple[Attribution, str | None]:
    if backend in _BACKEND_MODELS:
        return model_attribution(_BACKEND_MODELS[backend])
    return _BACKEND_ATTRIBUTIONS.get(backend, Attribution(name=backend, url="")), None


def build_info(services: Services) -> Info:
    config = services.config
    languages = list(config.languages)
    version = malbeot_version()
    asr_attribution, asr_revision = model_attribution(config.asr_model)
    asr = AsrProgram(
        name=ASR_PROGRAM,
        attribution=MALBEOT,
        installed=True,
        description=(
            f"Malbeot speech recognition ({config.asr_backend}); the spoken language is identified among "
            f"{', '.join(languages)} only"
        ),
        version=version,
        models=[
            AsrModel(
                name=config.asr_model,
                attribution=asr_attribution,
                installed=True,
                description=f"{config.asr_model} ({config.asr_backend})",
                version=asr_revision,
                languages=languages,
            )
        ],
        supports_transcript_streaming=False,
        requires_external_vad=True,
    )
    planned = services.voices.voices()  # names only; loads nothing
    voices = []
    for language in languages:
        backend_voice = planned.get(language, "none")
        if backend_voice == "none":
            continue  # every voice of the language failed to load
        attribution, revision = _backend_attribution(backend_voice.split("/")[0].split("(")[0])
        voices.append(
            TtsVoice(
                name=voice_name(language),
                attribution=attribution,
                installed=True,
                description=f"{LANGUAGE_NAMES.get(language, language)}: {backend_voice}",
                version=revision,
                languages=[language],
            )
        )
    tts = TtsProgram(
        name=TTS_PROGRAM,
        attribution=MALBEOT,
        installed=True,
        description="Malbeot voices, one per language (Korean by Kokoro through Korean pronunciation rules)",
        version=version,
        voices=voices,
        supports_synthesize_streaming=False,
    )
    handle = HandleProgram(
        name=HANDLE_PROGRAM,
        attribution=MALBEOT,
        installed=True,
        description="Korean public benefits: which programme fits, who it is for, how and where to apply",
        version=version,
        models=[
            HandleModel(
                name="malbeot-dialog",
                attribution=MALBEOT,
                installed=True,
                description="benefit search, eligibility checks and applications over the programme catalogue",
                version=version,
                languages=languages,
            )
        ],
        supports_handled_streaming=False,
    )
    return Info(asr=[asr], tts=[tts], handle=[handle])
