import json
import shutil

import pytest

from articles.models import Article
from experts.models import Expert
from history.models import Revision
from history.services import publish_pending, restore
from tests.exchange.helpers import SAMPLE, import_file

pytestmark = pytest.mark.django_db


def revisions_of(obj):
    return list(Revision.objects.of(obj))


def test_an_import_keeps_a_revision_of_what_it_writes(tmp_path):
    """Imported articles and experts get a revision; a second import of the same file adds none."""
    assert import_file(SAMPLE).ok
    articles, experts = list(Article.objects.all()), list(Expert.objects.all())
    assert all(len(revisions_of(a)) == 1 for a in articles)
    assert all(len(revisions_of(e)) == 1 for e in experts)

    assert import_file(SAMPLE).ok
    assert all(len(revisions_of(a)) == 1 for a in articles)


def test_an_edit_by_import_can_be_undone_from_history(tmp_path):
    """Restoring the revision before an import, once published, brings the earlier text back."""
    assert import_file(SAMPLE).ok
    article = (
        Article.objects.exclude(title_ar__isnull=True).exclude(title_ar="").first()
    )
    before_en, before_ar = article.title_en, article.title_ar
    edited = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for record in edited["articles"]:
        if record["slug"]["en"] == article.slug_en:
            record["title"] = {**record["title"], "en": "Retitled by an import"}
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    shutil.copytree(SAMPLE.parent / "images", tmp_path / "images")

    assert import_file(path).ok
    first, second = sorted(revisions_of(article), key=lambda r: r.pk)
    assert second.data != first.data

    # The article is live, so the restore waits as an unpublished change.
    change = restore(first)
    article.refresh_from_db()
    assert article.title_en == "Retitled by an import"
    publish_pending(change, None)
    article.refresh_from_db()
    assert (article.title_en, article.title_ar) == (before_en, before_ar)
