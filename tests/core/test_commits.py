"""Work after a commit: one batch per kind and savepoint level, nothing from what was rolled back."""

import pytest
from django.db import connection, transaction

from core.commits import after_commit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def batches(kind):
    return [
        func
        for _sids, func, _robust in connection.run_on_commit
        if getattr(func, "kind", None) == kind
    ]


def test_records_saved_in_savepoints_of_their_own_bump_once():
    runs = []
    with transaction.atomic():
        for _number in range(5):
            with transaction.atomic():  # one savepoint a record, as an import
                after_commit("bump", lambda items: runs.append("bump"))
        assert len(batches("bump")) == 1
        assert runs == []
    assert runs == ["bump"]


def test_items_queued_after_a_released_savepoint_join_the_batch_of_their_level():
    runs = []
    with transaction.atomic():
        with transaction.atomic():
            after_commit("refresh", runs.append, ["in a savepoint"])
            after_commit("refresh", runs.append, ["same savepoint"])
        after_commit("refresh", runs.append, ["after it"])
        after_commit("refresh", runs.append, ["after it too"])
        assert len(batches("refresh")) == 1
    assert runs == [{"in a savepoint", "same savepoint", "after it", "after it too"}]


def test_a_rolled_back_savepoint_adds_nothing_to_the_batch():
    runs = []
    with transaction.atomic():
        after_commit("refresh", runs.append, ["kept"])
        try:
            with transaction.atomic():
                after_commit("refresh", runs.append, ["refused"])
                raise ValueError
        except ValueError:
            pass
        after_commit("refresh", runs.append, ["kept too"])
    assert runs == [{"kept", "kept too"}]


def test_items_queued_inside_an_open_savepoint_stay_apart_from_the_outer_batch():
    runs = []
    with transaction.atomic():
        after_commit("refresh", runs.append, ["outer"])
        try:
            with transaction.atomic():
                after_commit("refresh", runs.append, ["inner"])
                assert len(batches("refresh")) == 2
                raise ValueError
        except ValueError:
            pass
    assert runs == [{"outer"}]


def test_a_call_without_items_joins_the_outer_batch_that_runs_anyway():
    runs = []
    with transaction.atomic():
        after_commit("bump", lambda items: runs.append("bump"))
        with transaction.atomic():
            after_commit("bump", lambda items: runs.append("bump"))
            assert len(batches("bump")) == 1
    assert runs == ["bump"]


def test_a_rolled_back_transaction_runs_nothing_and_outside_one_it_runs_at_once():
    runs = []
    try:
        with transaction.atomic():
            after_commit("refresh", runs.append, ["gone"])
            raise ValueError
    except ValueError:
        pass
    assert runs == []
    after_commit("refresh", runs.append, ["now"])
    assert runs == [{"now"}]
