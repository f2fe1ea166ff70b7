"""Every admin save keeps a revision; any two compare; any one restores as a new revision."""

import pytest
from django.urls import reverse

from articles.models import Article, Authorship, Recommendation, Status
from experts.models import Expert
from history import services
from history.diff import highlight
from history.models import Revision, RevisionKind
from tests.admin_forms import change_url, fill, form_data
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import parse

pytestmark = pytest.mark.django_db


def save_form(client, obj, **fields):
    url = change_url(obj)
    data = fill(form_data(client.get(url)), _save="Save", **fields)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_admin_saves_keep_revisions_with_who(admin_client, admin_user):
    article = make_article(status=Status.DRAFT, languages=("en", "ar"), authors=2)
    save_form(admin_client, article, title_en="A first change")
    save_form(admin_client, article, title_ar="عنوان معدل")
    revisions = list(Revision.objects.of(article))
    assert [r.kind for r in revisions] == [RevisionKind.SAVE, RevisionKind.SAVE]
    assert revisions[0].user == admin_user
    assert revisions[0].data["fields"]["title_ar"] == "عنوان معدل"
    assert revisions[1].data["fields"]["title_en"] == "A first change"
    # The history page lists them, newest first, with who saved them.
    page = parse(
        admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    )
    rows = page.xpath("//table[@id='revision-list']/tbody/tr")
    assert len(rows) == 2
    assert admin_user.get_username() in rows[0].text_content()


def test_restore_round_trip_every_field_and_relation_in_both_languages(admin_user):
    first, second, third = make_expert(), make_expert(), make_expert()
    topics, regions = [make_topic(), make_topic()], [make_region()]
    other, another = (
        make_article(status=Status.DRAFT),
        make_article(status=Status.DRAFT),
    )
    article = make_article(
        status=Status.DRAFT,
        languages=("en", "ar"),
        authors=[first, second],
        topics=topics,
        regions=regions,
        recommended=[other, another],
        subtitle_en="An English subtitle",
        subtitle_ar="عنوان فرعي",
        author_note_en="The authors are fellows.",
        author_note_ar="المؤلفون زملاء.",
        series="PolicyWatch",
        series_number=12,
        venue_en="A committee",
        venue_ar="لجنة",
    )
    kept = services.record(article, admin_user)
    before = {
        f.attname: f.value_from_object(article)
        for f in Article._meta.concrete_fields
        if f.attname not in ("updated_at",)
    }

    # Everything changes: text in both languages, author order, terms, recommendations.
    for field in kept.data["fields"]:
        if field.startswith(
            ("title_", "subtitle_", "summary_", "body_", "author_note_")
        ):
            setattr(article, field, "changed" if field.endswith("_en") else "تغير")
    article.series, article.series_number = "Policy Note", 99
    article.save()
    Authorship.objects.filter(article=article).delete()
    Authorship.objects.create(article=article, expert=third, order=0)
    Authorship.objects.create(article=article, expert=first, order=1)
    article.topics.set([make_topic()])
    article.regions.clear()
    Recommendation.objects.filter(article=article).delete()
    services.record(article, admin_user)

    restored = services.restore(kept, admin_user)
    assert restored.kind == RevisionKind.RESTORE
    assert Revision.objects.of(article).count() == 3  # history is not rewritten
    article = Article.objects.get(pk=article.pk)
    after = {
        f.attname: f.value_from_object(article)
        for f in Article._meta.concrete_fields
        if f.attname not in ("updated_at",)
    }
    assert after == before
    assert article.title_ar == kept.data["fields"]["title_ar"]
    assert article.author_note_ar == "المؤلفون زملاء."
    assert [a.expert for a in article.byline()] == [first, second]
    assert set(article.topics.all()) == set(topics)
    assert list(article.regions.all()) == regions
    assert [r.recommended for r in Recommendation.objects.filter(article=article)] == [
        other,
        another,
    ]


def test_restore_through_the_admin_brings_back_arabic_and_author_order(admin_client):
    first, second = make_expert(), make_expert()
    article = make_article(
        status=Status.DRAFT, languages=("en", "ar"), authors=[first, second]
    )
    save_form(admin_client, article, summary_ar="ملخص أول")
    original = Revision.objects.of(article).get()
    data = fill(
        form_data(admin_client.get(change_url(article))),
        _save="Save",
        title_ar="عنوان آخر",
        **{"authorships-0-order": 1, "authorships-1-order": 0},
    )
    assert admin_client.post(change_url(article), data).status_code == 302
    assert [a.expert for a in Article.objects.get(pk=article.pk).byline()] == [
        second,
        first,
    ]

    restore = reverse("admin:articles_article_restore", args=[article.pk, original.pk])
    confirm = parse(admin_client.get(restore))
    assert "عنوان آخر" in confirm.xpath("string(//table[@class='tt-changes'])")
    assert admin_client.post(restore).status_code == 302
    article = Article.objects.get(pk=article.pk)
    assert article.title_ar == original.data["fields"]["title_ar"]
    assert article.summary_ar == "ملخص أول"
    assert [a.expert for a in article.byline()] == [first, second]
    assert Revision.objects.of(article).first().kind == RevisionKind.RESTORE


def test_expert_revisions_and_restore(admin_client):
    expert = make_expert(name_ar="اسم أول")
    expert.topics.set([make_topic()])
    save_form(admin_client, expert, short_bio_ar="سيرة قصيرة أولى")
    first = Revision.objects.of(expert).get()
    save_form(admin_client, expert, short_bio_ar="سيرة ثانية", name_en="Renamed Person")
    services.restore(first)
    expert = Expert.objects.get(pk=expert.pk)
    assert expert.short_bio_ar == "سيرة قصيرة أولى"
    assert expert.name_en == first.data["fields"]["name_en"]
    assert expert.topics.count() == 1


def test_highlight_escapes_and_marks_words():
    html = highlight("The <b>old</b> text & more", "The <b>new</b> text & more")
    assert "<del>old</del>" in html and "<ins>new</ins>" in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "&amp; more" in html


def test_compare_page_shows_each_field_and_language(admin_client):
    article = make_article(status=Status.DRAFT, languages=("en", "ar"), authors=1)
    save_form(admin_client, article, title_en="Iran talks <resume>")
    # Who saved is in the revision list, not among the differences.
    article.updated_by = None
    article.save()
    save_form(
        admin_client,
        article,
        title_en="Iran talks stall",
        title_ar="المحادثات تتعثر",
        topics=[make_topic().pk],
    )
    new, old = Revision.objects.of(article)
    url = reverse("admin:articles_article_compare", args=[article.pk])
    page = parse(admin_client.get(url, {"a": old.pk, "b": new.pk}))
    rows = {
        (row.xpath("string(th)").strip(), row.xpath("string(td[1])").strip()): row
        for row in page.xpath("//tr[@class='tt-change']")
    }
    assert set(rows) == {("Title", "EN"), ("Title", "AR"), ("Topics", "—")}
    english = rows[("Title", "EN")].xpath("td[@class='tt-diff']")[0]
    assert english.xpath("string(del)") == "<resume>"
    assert english.xpath("string(ins)") == "stall"
    arabic = rows[("Title", "AR")].xpath("td[@class='tt-diff']")[0]
    assert arabic.get("lang") == "ar"
    assert "المحادثات" in arabic.xpath("string(ins)")
