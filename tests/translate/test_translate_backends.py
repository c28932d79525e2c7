"""The transformers backends (tiny NLLB and Marian models built here), the registry and models.lock."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from malbeot_core import models
from malbeot_core.errors import BackendFailed, ModelHashMismatch, ModelMissing, UnknownLanguage
from tests.translate.tiny_mt_models import TINY_GENERATION
from translate import IdentityTranslator, translators
from translate.marian import MarianTranslator
from translate.nllb import NllbTranslator
from translate.seq2seq import join_sentences, split_sentences

# ---- NLLB -----------------------------------------------------------------------------------


def test_nllb_covers_every_malbeot_language(tiny_nllb_dir: Path) -> None:
    nllb = NllbTranslator(model_dir=tiny_nllb_dir, generation=TINY_GENERATION)
    for source in ("ko", "en", "zh", "vi", "ja"):
        for target in ("ko", "en", "zh", "vi", "ja"):
            assert nllb.supports(source, target)
    assert nllb.supports("zh-TW", "zh_Hans")
    out = nllb.translate("기초연금은 무엇인가요? 누가 받을 수 있나요?", "ko", "vi")
    assert isinstance(out, str)


def test_nllb_language_token_missing_from_the_tokenizer_is_a_backend_failure(tiny_nllb_dir: Path) -> None:
    nllb = NllbTranslator(
        model_dir=tiny_nllb_dir, codes={"ko": "kor_Hang", "tlh": "tlh_Piqd"}, generation=TINY_GENERATION
    )
    with pytest.raises(BackendFailed, match="tlh_Piqd"):
        nllb.translate("안녕하세요", "ko", "tlh")


def test_a_broken_model_folder_fails_as_backend_failed_from_its_cause(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{ not json", encoding="utf-8")
    nllb = NllbTranslator(model_dir=tmp_path)  # loading is lazy: the folder is read on first use
    with pytest.raises(BackendFailed) as failed:
        nllb.translate("안녕하세요", "ko", "en")
    assert failed.value.stage == "translate"
    assert failed.value.__cause__ is not None


def test_a_missing_model_folder_is_reported_at_construction(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing):
        NllbTranslator(model_dir=tmp_path / "absent")
    with pytest.raises(ModelMissing):
        MarianTranslator({"en-vi": tmp_path / "absent"})


# ---- Marian ---------------------------------------------------------------------------------


def test_marian_supports_only_its_configured_pairs(tiny_marian_dir: Path) -> None:
    marian = MarianTranslator({"en-vi": tiny_marian_dir}, generation=TINY_GENERATION)
    assert marian.pairs == {("en", "vi")}
    assert marian.supports("en", "vi")
    assert not marian.supports("vi", "en")
    assert not marian.supports("en", "zh")
    with pytest.raises(UnknownLanguage, match="en→vi"):
        marian.translate("Hello.", "vi", "en")
    assert isinstance(marian.translate("Hello. Please bring your ID card.", "en", "vi"), str)


def test_marian_load_reads_every_pair_up_front(tiny_marian_dir: Path) -> None:
    marian = MarianTranslator({("en", "vi"): tiny_marian_dir}, generation=TINY_GENERATION)
    marian.load()
    assert isinstance(marian.translate("Hello.", "en", "vi"), str)


# ---- sentence handling -----------------------------------------------------------------------


def test_sentences_split_per_line_and_join_by_script() -> None:
    lines = split_sentences("첫째 문장입니다. 둘째 문장입니다!\n\n전화: 02-120")
    assert lines == [["첫째 문장입니다.", "둘째 문장입니다!"], [], ["전화: 02-120"]]
    assert join_sentences([["A.", "B."], [], ["C"]], "en") == "A. B.\n\nC"
    assert join_sentences([["甲。", "乙。"]], "zh") == "甲。乙。"


# ---- registry --------------------------------------------------------------------------------


def test_registry_names_and_lazy_creation(tiny_nllb_dir: Path) -> None:
    assert translators.names() == ["marian", "nllb", "none"]
    none = translators.create("none")
    assert isinstance(none, IdentityTranslator)
    assert not none.supports("ko", "en")
    nllb = translators.create("nllb", model_dir=tiny_nllb_dir, generation=TINY_GENERATION)
    assert isinstance(nllb.translate("안녕하세요.", "ko", "ja"), str)


# ---- models.lock: resolution, unpinned entries, fetch ------------------------------------------


def _write_lock(path: Path, name: str, folder: Path, *, pinned: bool, source: str) -> None:
    rows = []
    for f in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".sha256.json")):
        digest, size = (models.sha256_file(f), f.stat().st_size) if pinned else ("", 0)
        rows.append(f'  {{ path = "{f.name}", sha256 = "{digest}", size = {size} }},')
    path.write_text(
        "[[model]]\n"
        f'name = "{name}"\nkind = "translation"\nbackend = "nllb"\nsource = "{source}"\n'
        'revision = "main"\nlicence = "test"\nlanguages = ["ko", "en"]\n'
        "files = [\n" + "\n".join(rows) + "\n]\n",
        encoding="utf-8",
    )


@pytest.fixture
def lock_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    lock = tmp_path / "models.lock"
    monkeypatch.setenv("MALBEOT_MODELS_LOCK", str(lock))
    monkeypatch.setenv("MALBEOT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MALBEOT_MODEL_DIR", raising=False)
    monkeypatch.delenv(models.ALLOW_UNPINNED_ENV, raising=False)
    return lock


def test_a_pinned_lock_entry_is_verified_and_loaded(tiny_nllb_dir: Path, lock_env: Path) -> None:
    _write_lock(lock_env, "tiny-nllb", tiny_nllb_dir, pinned=True, source="huggingface:malbeot-tests/absent")
    nllb = NllbTranslator("tiny-nllb", model_dir=tiny_nllb_dir, generation=TINY_GENERATION)
    assert nllb.directory == tiny_nllb_dir
    assert isinstance(nllb.translate("안녕하세요.", "ko", "en"), str)


def test_a_lock_entry_not_on_this_machine_names_the_fetch_command(lock_env: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _write_lock(lock_env, "tiny-nllb", tmp_path / "empty", pinned=True, source="huggingface:malbeot-tests/absent")
    with pytest.raises(ModelMissing, match="models fetch tiny-nllb"):
        NllbTranslator("tiny-nllb")


def test_unpinned_files_are_refused_unless_allowed(
    tiny_nllb_dir: Path, lock_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_lock(lock_env, "tiny-nllb", tiny_nllb_dir, pinned=False, source="huggingface:malbeot-tests/absent")
    with pytest.raises(ModelHashMismatch, match="not pinned"):
        NllbTranslator("tiny-nllb", model_dir=tiny_nllb_dir)
    monkeypatch.setenv(models.ALLOW_UNPINNED_ENV, "1")
    nllb = NllbTranslator("tiny-nllb", model_dir=tiny_nllb_dir, generation=TINY_GENERATION)
    assert isinstance(nllb.translate("안녕하세요.", "ko", "en"), str)


def test_fetch_prints_the_hashes_of_unpinned_files(
    tiny_nllb_dir: Path, lock_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import huggingface_hub

    _write_lock(lock_env, "tiny-nllb", tiny_nllb_dir, pinned=False, source="huggingface:malbeot-tests/tiny")

    def offline_download(repo_id: str, filename: str, *, revision: str, local_dir: Path) -> str:
        """Stands in for the hub: copies the file from the tiny model folder."""
        dest = Path(local_dir) / filename
        shutil.copyfile(tiny_nllb_dir / filename, dest)
        return str(dest)

    monkeypatch.setattr(huggingface_hub, "hf_hub_download", offline_download)
    with pytest.raises(ModelHashMismatch, match="not pinned"):
        models.fetch("tiny-nllb")
    printed = capsys.readouterr().out
    config = tiny_nllb_dir / "config.json"
    expected = (
        f'tiny-nllb: {{ path = "config.json", sha256 = "{models.sha256_file(config)}", '
        f"size = {config.stat().st_size} }}"
    )
    assert expected in printed.splitlines()
    # once allowed (or pinned), the fetched folder is what resolve() finds
    monkeypatch.setenv(models.ALLOW_UNPINNED_ENV, "1")
    nllb = NllbTranslator("tiny-nllb", generation=TINY_GENERATION)
    assert nllb.directory == models.home() / "models" / "tiny-nllb"
    assert isinstance(nllb.translate("안녕하세요.", "ko", "en"), str)


def test_translation_entries_in_the_repository_lock_are_well_formed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALBEOT_MODELS_LOCK", raising=False)
    entries = [e for e in models.load_lock().values() if e.kind == "translation"]
    assert {e.name for e in entries} >= {"nllb-200-distilled-600M", "opus-mt-en-zh", "opus-mt-en-vi"}
    for e in entries:
        assert e.backend in translators.names()
        assert e.hub_repo and re.fullmatch(r"[0-9a-f]{40}", e.revision)
        assert e.licence and e.files
        for f in e.files:
            assert (f.sha256 == "") == (f.size == 0)  # unpinned files carry neither hash nor size
    nllb = models.entry("nllb-200-distilled-600M")
    assert "NON-COMMERCIAL" in nllb.licence
    assert set(nllb.languages) == {"ko", "en", "zh", "vi", "ja"}
