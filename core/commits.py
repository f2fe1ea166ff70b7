"""
Work that follows a commit, gathered once per transaction.

``after_commit(kind, handler, items)`` runs ``handler(items)`` when the
current transaction commits (at once outside a transaction). Calls with the
same ``kind`` during one transaction add their items to a single batch (one
per savepoint level), so an import that saves two thousand articles
refreshes what depends on them once, not two thousand times. A rolled-back
transaction, or savepoint, runs nothing of what it queued.
"""

from collections.abc import Callable, Iterable

from django.db import transaction


class _Batch:
    def __init__(self, kind: str, handler: Callable[[set], None]):
        self.kind = kind
        self.handler = handler
        self.items: set = set()
        self.done = False

    def __call__(self):
        self.done = True
        self.handler(self.items)

    def __repr__(self):
        return f"<after_commit {self.kind}: {len(self.items)} item(s)>"


def after_commit(
    kind: str, handler: Callable[[set], None], items: Iterable = (), *, using=None
) -> None:
    """Run ``handler`` with every item queued under ``kind`` once this transaction commits."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        handler(set(items))
        return
    # One batch per savepoint level: what a savepoint rolled back must not
    # have been added to a batch that outlives it.
    level = set(connection.savepoint_ids)
    for savepoints, func, _robust in connection.run_on_commit:
        if (
            isinstance(func, _Batch)
            and func.kind == kind
            and not func.done
            and savepoints == level
        ):
            func.items.update(items)
            return
    batch = _Batch(kind, handler)
    batch.items.update(items)
    transaction.on_commit(batch, using=using)
