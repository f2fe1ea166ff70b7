"""
Work that follows a commit, gathered once per transaction.

``after_commit(kind, handler, items)`` runs ``handler(items)`` when the
current transaction commits (at once outside a transaction). Calls with the
same ``kind`` during one transaction add their items to a single batch (one
per savepoint level), so an import that saves two thousand articles, each in
a savepoint of its own, refreshes what depends on them once, not two thousand
times. A rolled-back transaction, or savepoint, runs nothing of what it
queued.

A batch belongs to the savepoints that are still open of those open when it
was queued: a savepoint released since (its work kept) no longer sets it
apart, so the next article's savepoint joins the batch of the one before.
A call with no items joins a batch of its kind at its level or an outer
one: that batch runs anyway, and the handler would get nothing more.
"""

from collections.abc import Callable, Iterable

from django.db import transaction


class _Batch:
    def __init__(self, kind: str, handler: Callable[[set], None]):
        self.kind = kind
        self.handler = handler
        self.items: set = set()
        self.done = False
        self.closed = False

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
    # have been added to a batch that outlives it. A callback queued under a
    # savepoint rolled back since is gone (Django drops it); one queued under
    # a savepoint released since stays, and its level is what is still open.
    level = set(connection.savepoint_ids)
    items = set(items)
    for savepoints, func, _robust in connection.run_on_commit:
        if not isinstance(func, _Batch) or func.kind != kind:
            continue
        if func.done or func.closed:
            continue
        its_level = savepoints & level
        if its_level == level or (not items and its_level <= level):
            func.items.update(items)
            return
    batch = _Batch(kind, handler)
    batch.items.update(items)
    transaction.on_commit(batch, using=using)


def close_batches(using=None) -> None:
    """
    Let nothing queued so far take more items: work queued from now on goes
    into batches of its own. For a test that runs the work of its writes as
    if they committed (``captureOnCommitCallbacks``) while its own transaction
    never does: the batches of the writes before stay as they are.
    """
    connection = transaction.get_connection(using)
    for _savepoints, func, _robust in connection.run_on_commit:
        if isinstance(func, _Batch):
            func.closed = True
