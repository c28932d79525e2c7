"""The dialog manager's parts read the manager's collaborators at each use: a search index rebuilt
after a staff edit (``Services.reindex`` assigns ``DialogManager.retriever``) answers the next turn."""

from __future__ import annotations

from dialog.manager import DialogManager


class Index:
    """Stands for a built search index (only its identity matters here)."""


def test_a_rebuilt_index_reaches_the_presenter() -> None:
    old, fresh = Index(), Index()
    manager = DialogManager(old)  # type: ignore[arg-type]
    assert manager.presenter.retriever is old
    manager.retriever = fresh  # type: ignore[assignment]
    assert manager.presenter.retriever is fresh
    manager.k = 5
    assert manager.presenter.k == 5

