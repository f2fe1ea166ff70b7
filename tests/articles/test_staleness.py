"""Arabic fields are marked stale when their English source changes, listed, shown and cleared."""

import pytest
from django.urls import reverse

from articles.models import StaleTranslation
from tests.admin_forms import change_url, fill, form_data
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db


def save(client, article, **fields):
    """Save the form; the article is live, so an editor then publishes the change."""
    data = fill(form_data(client.get(change_url(article))), _save="Save", **fields)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = parse(client.get(change_url(article)))
    for form in page.xpath("//form[@id='history-publish']"):
        assert client.post(form.get("action")).status_code == 302


@pytest.fixture
def article(admin_client):
    article = make_article(
        languages=("en", "ar"),
        summary_en="Talks resumed in Oman.",
        author_note_en="The author is a fellow.",
        author_note_ar="المؤلف زميل.",
    )
    save(admin_client, article)  # the first revision: the translation's baseline
    return article


def test_english_change_marks_arabic_fields_stale_field_by_field(admin_client, article):
    save(admin_client, article, summary_en="Talks stalled in Oman.")
    (stale,) = StaleTranslation.objects.filter(article=article)
    assert stale.field == "summary_ar"
    assert stale.english_then == "Talks resumed in Oman."

    # The change page shows the English change since the translation.
    page = parse(admin_client.get(change_url(article)))
    (box,) = page.xpath("//fieldset[contains(@class, 'tt-stale')]")
    assert box.xpath("string(.//strong)") == "Summary (AR)"
    assert box.xpath("string(.//p[@class='tt-diff']/del)") == "resumed"
    assert box.xpath("string(.//p[@class='tt-diff']/ins)") == "stalled"

    # The change list filter and the translators' list find it.
    listing = parse(
        admin_client.get(
            reverse("admin:articles_article_changelist"), {"stale_translation": "yes"}
        )
    )
    assert len(listing.xpath("//table[@id='result_list']/tbody/tr")) == 1
    dashboard = parse(
        admin_client.get(reverse("admin:articles_staletranslation_changelist"))
    )
    (row,) = dashboard.xpath("//table[@id='result_list']/tbody/tr")
    assert "Summary (AR)" in row.text_content()
    assert row.xpath(f".//a[@href='{change_url(article)}']")


def test_updating_the_arabic_field_clears_the_mark(admin_client, article):
    save(admin_client, article, summary_en="New", author_note_en="The authors.")
    assert StaleTranslation.objects.filter(article=article).count() == 2
    save(admin_client, article, summary_ar="ملخص جديد")
    assert list(
        StaleTranslation.objects.filter(article=article).values_list("field", flat=True)
    ) == ["author_note_ar"]


def test_confirm_still_accurate_clears_the_mark(admin_client, article):
    save(admin_client, article, title_en="A better English title")
    page = parse(admin_client.get(change_url(article)))
    (button,) = page.xpath("//fieldset[contains(@class, 'tt-stale')]//button")
    (form,) = page.xpath(f"//form[@id='{button.get('form')}']")
    assert admin_client.post(form.get("action")).status_code == 302
    assert not StaleTranslation.objects.filter(article=article).exists()


def test_an_untranslated_field_is_not_stale(admin_client, article):
    save(admin_client, article, subtitle_en="A subtitle", body_en="<p>More.</p>")
    # body_ar exists (made by the factory): stale. subtitle is not watched.
    assert list(
        StaleTranslation.objects.filter(article=article).values_list("field", flat=True)
    ) == ["body_ar"]


def test_readers_of_the_arabic_page_see_a_note(admin_client, client, settings, article):
    arabic = article.url_in("ar")
    assert not parse(client.get(arabic)).xpath("//p[@class='article__stale-note']")
    save(admin_client, article, summary_en="Talks stalled in Oman.")
    (note,) = parse(client.get(arabic)).xpath("//p[@class='article__stale-note']")
    assert note.text_content().startswith("حُدِّث")
    # Not on the English page; and not at all when the setting is off.
    english = parse(client.get(article.url_in("en")))
    assert not english.xpath("//p[@class='article__stale-note']")
    settings.THINKTANK_SHOW_STALE_TRANSLATION_NOTE = False
    assert not parse(client.get(arabic)).xpath("//p[@class='article__stale-note']")
