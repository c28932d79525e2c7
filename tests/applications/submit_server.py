"""A minimal HTTP server in front of ``ApplicationStore`` for the crash test (loopback only).

    python tests/applications/submit_server.py FOLDER PORT

``POST /submit`` ``{"key", "programme_id", "fields"}`` → ``{"receipt", "created"}``; the reply is
sent only after the row is committed, so an acknowledged receipt must survive a SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dialog.applications.application_flow import Submission
from records.applications import ApplicationStore
from records.config import RecordsConfig
from records.store import Records


class Body(BaseModel):
    key: str
    programme_id: str
    fields: dict[str, str]


def build(folder: Path) -> FastAPI:
    store = ApplicationStore(Records.open(RecordsConfig.at(folder)))
    app = FastAPI()

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/submit")
    def submit(body: Body) -> dict[str, object]:
        receipt = store.submit(Submission(body.key, body.key.split(":")[0], body.programme_id, "시험", "ko",
                                          body.fields))
        return {"receipt": receipt.number, "created": receipt.created}

    return app


if __name__ == "__main__":
    uvicorn.run(build(Path(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
