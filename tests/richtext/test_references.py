"""Internal links and figures are stored by reference and drawn on the page in its language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Article, Status
from core.richtext import present
from library.usage import InUse
from pages.models import Page
from tests import files
from tests.admin_forms import admin_url, errors, fill, form_data
from tests.factories import make_article, make_expert, make_topic
from tests.html import fragment, get_page

pytestmark = pytest.mark.django_db


def link(kind, pk, text="see"):
    return f'<a data-ref="{kind}:{pk}">{text}</a>'


def rendered(html, language="en", **kwargs):
    with translation.override(language):
        return fragment(f"<div>{present(html, **kwargs)}</div>")


def test_article_link_follows_slug_changes_in_both_languages():
    target = make_article("Water and war", languages=("en", "ar"), slug_ar="ماء-وحرب")
    body = f"<p>{link('article', target.pk)}</p>"
    assert rendered(body).xpath("//a/@href") == [target.url_in("en")]
    Article.objects.filter(pk=target.pk).update(
        slug_en="water-and-conflict", slug_ar="ماء-ونزاع"
    )
    target.refresh_from_db()
    assert rendered(body).xpath("//a/@href") == [target.url_in("en")]
    assert "water-and-conflict" in target.url_in("en")
    (href,) = rendered(body, "ar").xpath("//a/@href")
    assert href == target.url_in("ar") and href.startswith("/ar/")


def test_unpublished_target_is_plain_text_for_readers_and_flagged_for_editors():
    draft = make_article("A draft", status=Status.DRAFT)
    live = make_article("Live piece")
    body = f"<p>{link('article', draft.pk, 'the draft')} and {link('article', live.pk, 'live')}</p>"
    reader = rendered(body)
    assert reader.xpath("//a/text()") == ["live"]  # positive control
    assert "the draft" in reader.text_content()
    editor = rendered(body, editor=True)
    assert editor.xpath("//mark[contains(@class, 'ref-broken')]/text()") == [
        "the draft"
    ]
    # English-only article: an Arabic page shows the words, not a link.
    assert rendered(body, "ar").xpath("//a") == []


def test_other_kinds_resolve(django_assert_max_num_queries):
    expert = make_expert("Lina Haddad")
    topic = make_topic("Energy")
    document = files.library_document()
    body = "".join(
        link(kind, pk)
        for kind, pk in [
            ("expert", expert.pk),
            ("topic", topic.pk),
            ("document", document.pk),
        ]
    )
    hrefs = rendered(body).xpath("//a/@href")
    assert hrefs == [expert.get_absolute_url(), topic.get_absolute_url(), document.url]


@pytest.mark.parametrize("count", [1, 12])
def test_queries_flat_in_the_number_of_links(count):
    targets = [make_article() for _ in range(count)]
    body = "".join(link("article", t.pk) for t in targets) + link(
        "topic", make_topic().pk
    )
    with CaptureQueriesContext(connection) as queries:
        assert len(rendered(body).xpath("//a")) == count + 1
    assert len(queries) == 2  # one per kind of record, whatever the number of links


def test_figure_is_drawn_from_the_library_with_alt_and_caption_per_language():
    image = files.library_image(
        alt_en="A dry canal",
        alt_ar="قناة جافة",
        caption_en="Basra, 2024",
        credit_en="Photo: Institute",
    )
    body = f'<figure data-image="{image.pk}"></figure><p>text</p>'
    with CaptureQueriesContext(connection) as queries:
        tree = rendered(body)
    assert len(queries) == 1, present(body)
    (img,) = tree.xpath("//figure//picture//img")
    assert img.get("alt") == "A dry canal" and img.get("srcset") and img.get("width")
    assert "Basra, 2024" in tree.xpath("string(//figcaption)")
    assert "Photo: Institute" in tree.xpath("string(//figcaption)")
    assert rendered(body, "ar").xpath("//img/@alt") == ["قناة جافة"]
    # An override in the body wins.
    body = f'<figure data-image="{image.pk}" data-alt="Canal near Basra"></figure>'
    assert rendered(body).xpath("//img/@alt") == ["Canal near Basra"]


def test_image_in_a_body_cannot_be_deleted():
    used = files.library_image(files.photo((800, 600)))
    unused = files.library_image(files.photo((900, 600)))
    make_article(body_en=f'<figure data-image="{used.pk}"></figure>')
    with pytest.raises(InUse), transaction.atomic():
        used.delete()
    unused.delete()  # positive control
    assert not type(unused).objects.filter(pk=unused.pk).exists()


def test_article_page_shows_figures_and_links(client):
    image = files.library_image(alt_en="A map")
    target = make_article("Linked piece")
    article = make_article(
        body_en=f'<figure data-image="{image.pk}"></figure><p>{link("article", target.pk)}</p>'
    )
    doc = get_page(client, article.get_absolute_url())
    assert doc.xpath("//div[@class='prose']//figure//img/@alt") == ["A map"]
    assert target.get_absolute_url() in doc.xpath("//div[@class='prose']//a/@href")


def test_embed_off_the_list_refused_on_orm_save():
    article = make_article()
    article.body_en = (
        '<p>x</p><iframe src="https://evil.example/x" title="Chart"></iframe>'
    )
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        article.save()
    assert "evil.example" in str(refused.value)
    assert "body_en" in refused.value.message_dict  # the column, not only the field
    article.body_en = (
        '<iframe src="https://datawrapper.dwcdn.net/abc/1/" title="Chart"></iframe>'
    )
    article.save()  # positive control
    tree = rendered(Article.objects.get(pk=article.pk).body_en)
    (frame,) = tree.xpath("//iframe")
    assert frame.get("sandbox") and frame.get("title") == "Chart"


def test_embed_off_the_list_refused_by_the_admin_form(admin_client):
    article = make_article("Charted", status=Status.DRAFT)
    url = admin_url(article, "change", article.pk)
    data = fill(form_data(admin_client.get(url)), _save="Save")
    data["body_en"] = (
        '<p>x</p><iframe src="https://tracker.example/x" title="Ad"></iframe>'
    )
    answer = admin_client.post(url, data=data)
    assert answer.status_code == 200
    assert any("tracker.example" in message for message in errors(answer)["body_en"])
    assert "tracker" not in Article.objects.get(pk=article.pk).body_en
    # Positive control: an allowed chart is saved.
    data["body_en"] = (
        '<iframe src="https://flo.uri.sh/visualisation/1/embed" title="Flows"></iframe>'
    )
    assert admin_client.post(url, data=data).status_code == 302
    assert "flo.uri.sh" in Article.objects.get(pk=article.pk).body_en


@pytest.mark.parametrize("kind", ["expert", "topic"])
def test_expert_and_topic_links_follow_slug_changes_in_both_languages(kind):
    target = make_expert("Lina Haddad") if kind == "expert" else make_topic("Energy")
    body = f"<p>{link(kind, target.pk)}</p>"
    type(target).objects.filter(pk=target.pk).update(slug=f"renamed-{kind}")
    target.refresh_from_db()
    for language in ("en", "ar"):
        with translation.override(language):
            expected = target.get_absolute_url()
        assert f"renamed-{kind}" in expected
        assert rendered(body, language).xpath("//a/@href") == [expected]
    assert rendered(body, "ar").xpath("//a/@href")[0].startswith("/ar/")


def rich_text_records():
    """Every model with rich text, and a field of it in each language."""
    expert = make_expert()
    topic_page = Page.objects.create(title_en="About", slug_en="about-us")
    article = make_article(languages=("en", "ar"))
    return [
        (record, f"{field}_{code}")
        for record, field in ((article, "body"), (expert, "bio"), (topic_page, "body"))
        for code in ("en", "ar")
    ]


def test_embeds_off_the_list_refused_by_every_rich_text_fields_orm_save():
    bad = '<iframe src="https://tracker.example/x" title="Ad"></iframe>'
    good = (
        '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Talk"></iframe>'
    )
    for record, field in rich_text_records():
        setattr(record, field, bad)
        with pytest.raises(ValidationError) as refused, transaction.atomic():
            record.save()
        assert field in refused.value.message_dict, (record, field)
        stored = getattr(type(record).objects.get(pk=record.pk), field) or ""
        assert "tracker" not in stored  # nothing half written
        setattr(record, field, good)
        record.save()  # positive control
        assert "youtube-nocookie" in getattr(
            type(record).objects.get(pk=record.pk), field
        )
