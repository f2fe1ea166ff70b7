"""
Two editors on one record: no update is lost, the later save over a stale
version is refused with a conflict page, and both versions are kept.

The concurrent variants run in threads, each with its own connection, on a
database they share (``shared_database``): PostgreSQL, or a file copy of
the SQLite test database.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from articles.models import Status
from history import services
from history.models import Revision, RevisionKind
from tests.admin_forms import change_url, fill, form_data
from tests.factories import make_article
from tests.html import parse


@pytest.fixture
def editors(django_user_model):
    def make(n):
        clients = []
        for i in range(n):
            user = django_user_model.objects.create_superuser(
                f"editor{i}", f"editor{i}@example.org", "pw", first_name=f"Editor{i}"
            )
            client = Client()
            client.force_login(user)
            clients.append(client)
        return clients

    return make


def open_form(client, article, **fields):
    return fill(form_data(client.get(change_url(article))), _save="Save", **fields)


@pytest.mark.django_db
def test_second_save_over_a_stale_version_is_refused_and_kept(editors):
    article = make_article(status=Status.DRAFT, languages=("en", "ar"), authors=1)
    alice, bob = editors(2)
    alices = open_form(alice, article, title_en="Alice's title")
    bobs = open_form(bob, article, title_en="Bob's title", summary_ar="ملخص بوب")

    assert alice.post(change_url(article), alices).status_code == 302
    response = bob.post(change_url(article), bobs)
    assert response.status_code == 409
    page = parse(response, status=409)
    assert "Editor0" in page.xpath("string(//p[@class='errornote'])")
    rows = {
        row.xpath("string(th)").strip() + row.xpath("string(td[1])").strip(): row
        for row in page.xpath("//tr[@class='tt-change']")
    }
    title = rows["TitleEN"]
    assert title.xpath("string(td[@class='tt-before'])") == "Alice's title"
    assert title.xpath("string(td[@class='tt-after'])") == "Bob's title"
    assert "SummaryAR" in rows

    # No update lost: Alice's save stands; Bob's is kept as a conflict revision.
    article.refresh_from_db()
    assert article.title_en == "Alice's title"
    kinds = list(Revision.objects.of(article).values_list("kind", flat=True))
    assert kinds == [RevisionKind.CONFLICT, RevisionKind.SAVE]
    conflict = Revision.objects.of(article).get(kind=RevisionKind.CONFLICT)
    assert conflict.data["fields"]["title_en"] == "Bob's title"
    assert conflict.data["fields"]["summary_ar"] == "ملخص بوب"

    # Bob chooses: "Keep the current version" goes back to the form; "Use my version" restores his.
    assert page.xpath(f"//a[@href='{change_url(article)}']")
    (choice,) = page.xpath("//form[@class='tt-conflict-choice']")
    assert bob.post(choice.get("action")).status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.summary_ar) == ("Bob's title", "ملخص بوب")
    assert Revision.objects.of(article).first().kind == RevisionKind.RESTORE


@pytest.mark.django_db
def test_a_fresh_form_saves_after_someone_else(editors):
    article = make_article(status=Status.DRAFT)
    alice, bob = editors(2)
    alice.post(change_url(article), open_form(alice, article, title_en="First"))
    response = bob.post(change_url(article), open_form(bob, article, title_en="Second"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Second"
    assert Revision.objects.of(article).accepted().count() == 2


@pytest.mark.django_db
def test_change_page_says_who_else_is_editing(editors):
    article = make_article(status=Status.DRAFT)
    alice, bob = editors(2)
    alice.get(change_url(article))
    page = parse(bob.get(change_url(article)))
    (notice,) = page.xpath("//ul[contains(@class, 'tt-presence')]/li")
    assert notice.text_content().startswith("Being edited by Editor0 since")
    # Alice's own page does not name her; after her save the notice goes.
    page = parse(alice.get(change_url(article)))
    assert "Editor0" not in page.xpath("string(//ul[contains(@class, 'tt-presence')])")
    assert "Editor1" in page.xpath("string(//ul[contains(@class, 'tt-presence')])")
    alice.post(change_url(article), open_form(alice, article))
    page = parse(bob.get(change_url(article)))
    assert not page.xpath("//ul[contains(@class, 'tt-presence')]")


@pytest.mark.django_db
def test_a_save_without_the_version_is_refused(editors):
    """Defect 25: a change form POST that omits _history_version is a conflict, never unchecked."""
    article = make_article(status=Status.DRAFT)
    (alice,) = editors(1)
    data = open_form(alice, article, title_en="Unchecked")
    del data["_history_version"]
    assert alice.post(change_url(article), data).status_code == 409
    article.refresh_from_db()
    assert article.title_en != "Unchecked"
    # The control: the same form with its version saves.
    data = open_form(alice, article, title_en="Checked")
    assert alice.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Checked"


@pytest.mark.django_db
def test_a_save_claiming_a_later_version_than_it_read_is_refused(editors):
    """Defect 25: a form read at version n that sends n + 1 after someone saved is refused."""
    article = make_article(status=Status.DRAFT)
    other = make_article(status=Status.DRAFT)
    alice, bob = editors(2)
    read = services.current_version(article)
    bobs = open_form(bob, article, title_en="Bob's title")
    alices = open_form(alice, article, title_en="Alice's title")
    assert alice.post(change_url(article), alices).status_code == 302

    bobs["_history_version"] = [str(read + 1)]
    assert bob.post(change_url(article), bobs).status_code == 409
    # Nor does the version another record's form read (after a save of it) pass.
    bob.post(change_url(other), open_form(bob, other))
    bobs["_history_version"] = form_data(bob.get(change_url(other)))["_history_version"]
    assert bob.post(change_url(article), bobs).status_code == 409
    article.refresh_from_db()
    assert article.title_en == "Alice's title"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_saves_at_once_are_one_save_and_nine_conflicts(editors, shared_database):
    """Defect 25: ten simultaneous saves answer one 302 and nine 409s, never a 500."""
    article = make_article(status=Status.DRAFT)
    statuses = _all_save_at_once(article, editors(10))
    assert sorted(statuses) == [302] + [409] * 9
    revisions = Revision.objects.of(article)
    (accepted,) = revisions.filter(kind=RevisionKind.SAVE)
    assert revisions.filter(kind=RevisionKind.CONFLICT).count() == 9
    article.refresh_from_db()
    assert article.title_en == accepted.data["fields"]["title_en"]


def _all_save_at_once(article, clients):
    """Each client opens the form, sets its own title, then all POST at once: the statuses."""
    forms = [
        open_form(client, article, title_en=f"Title by editor {i}")
        for i, client in enumerate(clients)
    ]
    barrier = threading.Barrier(len(clients))
    statuses = []

    def save(client, data):
        def job():
            barrier.wait()
            statuses.append(client.post(change_url(article), data).status_code)

        return job

    _run_in_threads([save(c, d) for c, d in zip(clients, forms, strict=True)])
    return statuses


def _run_in_threads(jobs):
    """Run ``jobs`` at once, each thread closing its own connection."""
    errors = []

    def wrap(job):
        try:
            job()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=wrap, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_saving_at_once(editors, shared_database):
    article = make_article(status=Status.DRAFT, languages=("en", "ar"))
    statuses = _all_save_at_once(article, editors(2))
    assert sorted(statuses) == [302, 409]
    article.refresh_from_db()
    revisions = Revision.objects.of(article)
    (accepted,) = revisions.filter(kind=RevisionKind.SAVE)
    (refused,) = revisions.filter(kind=RevisionKind.CONFLICT)
    assert article.title_en == accepted.data["fields"]["title_en"]
    assert {
        accepted.data["fields"]["title_en"],
        refused.data["fields"]["title_en"],
    } == {
        "Title by editor 0",
        "Title by editor 1",
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_editors_twenty_saves_each(editors, shared_database):
    """
    Defect 20, the acceptance test: ten editors save the change form twenty
    times each, all at once, as editors do (open the form, read its version,
    post the edited form). One revision per accepted save, a conflict per
    refused one, and the last accepted save is what the article says.
    """
    article = make_article(status=Status.DRAFT)
    clients = editors(10)
    results = []  # (status, text)
    lock = threading.Lock()

    def editor(i, client):
        def job():
            for j in range(20):
                text = f"Save {j} by editor {i}"
                data = open_form(client, article, title_en=text)
                assert data["_history_version"] != [""]
                status = client.post(change_url(article), data).status_code
                with lock:
                    results.append((status, text))

        return job

    _run_in_threads([editor(i, client) for i, client in enumerate(clients)])

    assert len(results) == 200
    accepted = {text for status, text in results if status == 302}
    refused = {text for status, text in results if status == 409}
    assert accepted and len(accepted) + len(refused) == 200
    revisions = Revision.objects.of(article)
    saved = revisions.filter(kind=RevisionKind.SAVE)
    conflicts = revisions.filter(kind=RevisionKind.CONFLICT)
    assert {r.data["fields"]["title_en"] for r in saved} == accepted
    assert {r.data["fields"]["title_en"] for r in conflicts} == refused
    assert sorted(saved.values_list("version", flat=True)) == list(
        range(1, len(accepted) + 1)
    )
    article.refresh_from_db()
    assert article.title_en == saved.first().data["fields"]["title_en"]
    assert services.current_version(article) == len(accepted)
