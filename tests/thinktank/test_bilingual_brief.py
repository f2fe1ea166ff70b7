"""
Issue 14's "done when", through the admin as a managing editor uses it: a
bilingual brief with notes, a library figure, an embedded chart and three
internal links chosen in the editor's chooser (no address typed), reviewed by
a reviewer, then English published now and Arabic tomorrow at 09:00 Beirut
time. Readers see English at once and Arabic from that moment, with numbered
notes and back-links, the figure's caption, credit and alt text in the page's
language, a sandboxed titled frame, and internal links in the page's language.

(The editor's toolbar writes exactly this markup: tests/richtext/test_toolbar_browser.py.)
"""

from datetime import datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, ArticleType, Status
from tests import files
from tests.admin_forms import add_inline_row, change_url, fill, form_data
from tests.factories import make_article, make_expert, make_topic
from tests.html import alternates, parse, texts
from tests.workflow.conftest import make_user
from tests.workflow.helpers import buttons, press
from workflow.models import Transition
from workflow.roles import EDITOR

pytestmark = pytest.mark.django_db

BEIRUT = ZoneInfo("Asia/Beirut")
CHART = "https://datawrapper.dwcdn.net/Xy12Z/3/"


def tomorrow_at_nine_in_beirut():
    day = timezone.localtime(timezone.now(), BEIRUT).date() + timedelta(days=1)
    return datetime.combine(day, time(9, 0), tzinfo=BEIRUT)


def choose(client, kind, words):
    """What the editor's chooser offers for ``words``: the one match's reference."""
    answer = client.get(reverse("admin:richtext_choices"), {"kind": kind, "q": words})
    assert answer.status_code == 200
    (found,) = answer.json()["results"]
    return found["ref"]


def link(ref, words):
    # The markup the link chooser writes (static/js/richtext-editor.js).
    return f'<a data-ref="{ref}">{words}</a>'


def note_ref(n):
    return f'<sup><a href="#fn{n}" id="fnref{n}" role="doc-noteref">{n}</a></sup>'


def notes(*texts_):
    items = "".join(
        f'<li id="fn{n}"><p>{text} <a href="#fnref{n}" role="doc-backlink">↩</a></p></li>'
        for n, text in enumerate(texts_, start=1)
    )
    return f'<ol role="doc-endnotes">{items}</ol>'


def body(refs, image_ref, language):
    article, expert, topic = refs
    figure = f'<figure data-image="{image_ref.split(":")[1]}"></figure>'
    if language == "en":
        return (
            f"<p>Flows on the Euphrates fell by a third.{note_ref(1)} "
            f"See {link(article, 'our earlier analysis')}, "
            f"{link(expert, 'our fellow')} and {link(topic, 'the topic')}.</p>"
            f"{figure}"
            f'<iframe src="{CHART}" title="River flows, 2015-2025"></iframe>'
            f"<p>Farmers moved to the cities.{note_ref(2)}</p>"
            + notes("Ministry of Water Resources, 2024.", "Interviews, Basra, 2025.")
        )
    return (
        f"<p>انخفضت تدفقات الفرات بمقدار الثلث.{note_ref(1)} "
        f"انظر {link(article, 'تحليلنا السابق')} و{link(expert, 'زميلنا')} "
        f"و{link(topic, 'الموضوع')}.</p>"
        f"{figure}"
        f'<iframe src="{CHART}" title="تدفقات النهر، 2015-2025"></iframe>'
        f"<p>انتقل المزارعون إلى المدن.{note_ref(2)}</p>"
        + notes("وزارة الموارد المائية، 2024.", "مقابلات، البصرة، 2025.")
    )


@pytest.fixture
def library(db):
    """What the brief refers to: an earlier piece, a fellow, a topic, a picture."""
    return {
        "article": make_article(
            "Water and war on the Euphrates",
            languages=("en", "ar"),
            title_ar="الماء والحرب على الفرات",
        ),
        "expert": make_expert("Lina Haddad", name_ar="لينا حداد"),
        "topic": make_topic("Hydropolitics", name_ar="سياسات المياه"),
        "image": files.library_image(
            alt_en="A dry irrigation canal near Basra",
            alt_ar="قناة ري جافة قرب البصرة",
            caption_en="The Shatt al-Arab's feeder canals, 2024",
            caption_ar="قنوات شط العرب، 2024",
            credit_en="Photo: The Institute",
            credit_ar="تصوير: المعهد",
        ),
    }


def prose(page):
    (div,) = page.xpath("//div[@class='prose']")
    return div


@override_settings(TIME_ZONE="Asia/Beirut")
def test_bilingual_brief_written_reviewed_and_published_per_language(client, library):
    managing = make_user(EDITOR, "managing_editor")
    reviewer = make_user(EDITOR, "reviewer")
    author = make_expert("Omar Saleh", name_ar="عمر صالح")

    # Writing: the chooser gives the references; nothing is an address.
    client.force_login(managing)
    refs = (
        choose(client, "article", "الفرات"),
        choose(client, "expert", "Haddad"),
        choose(client, "topic", "Hydropolitics"),
    )
    image_ref = choose(client, "image", "")
    assert image_ref == f"image:{library['image'].pk}"
    url = reverse("admin:articles_article_add")
    data = fill(
        form_data(client.get(url)),
        _save="Save",
        type=ArticleType.objects.get(slug="brief-analysis").pk,
        title_en="The Euphrates runs dry",
        title_ar="الفرات يجف",
        summary_en="What a decade of low flows did to southern Iraq.",
        summary_ar="ما فعله عقد من انخفاض التدفقات بجنوب العراق.",
        body_en=body(refs, image_ref, "en"),
        body_ar=body(refs, image_ref, "ar"),
        topics=[library["topic"].pk],
    )
    add_inline_row(data, "authorships", expert=author.pk, order=1)
    answer = client.post(url, data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    brief = Article.objects.get(title_en="The Euphrates runs dry")
    assert brief.status == Status.DRAFT
    assert brief.slug_en and brief.slug_ar  # made from the titles
    press(client, brief, "submit")

    # Review: the reviewer's own button.
    client.force_login(reviewer)
    assert "approve" in buttons(client.get(change_url(brief)))
    press(client, brief, "approve")
    brief.refresh_from_db()
    assert brief.status == Status.APPROVED

    # Publishing: Arabic tomorrow at 09:00 Beirut time (the one date input,
    # read in the zone shown beside it), English now.
    client.force_login(managing)
    page = parse(client.get(change_url(brief)))
    assert "time zone: Asia/Beirut" in " ".join(
        texts(page, "//span[contains(@class, 'time-zone')]")
    )
    moment = tomorrow_at_nine_in_beirut()
    press(client, brief, "publish_ar", when=moment.strftime("%Y-%m-%dT%H:%M"))
    press(client, brief, "publish_en")
    press(client, brief, "publish")
    brief.refresh_from_db()
    assert brief.status == Status.PUBLISHED
    assert brief.live_from_ar == moment
    assert [
        t.name for t in Transition.objects.filter(article=brief).order_by("pk")
    ] == [
        "submit",
        "approve",
        "publish_ar",
        "publish_en",
        "publish",
    ]
    assert Transition.objects.get(article=brief, name="approve").actor == reviewer

    # Readers, now: English is live, Arabic is not yet.
    client.logout()
    english = parse(client.get(brief.url_in("en")))
    assert "ar" not in alternates(english)
    assert client.get(brief.url_in("ar")).status_code == 404
    check_page(english, library, "en")

    # Tomorrow, one minute past 09:00 in Beirut: Arabic is live too.
    with mock.patch(
        "django.utils.timezone.now", return_value=moment + timedelta(minutes=1)
    ):
        answer = client.get(brief.url_in("ar"))
        assert answer.status_code == 200
        check_page(parse(answer), library, "ar")
        assert "ar" in alternates(parse(client.get(brief.url_in("en"))))
    # One minute before, it was not.
    with mock.patch(
        "django.utils.timezone.now", return_value=moment - timedelta(minutes=1)
    ):
        assert client.get(brief.url_in("ar")).status_code == 404


def check_page(page, library, language):
    """What a reader of ``language`` sees in the brief's body."""
    div = prose(page)
    # Notes: numbered, each reference and its note linked both ways.
    refs = div.xpath(".//sup/a[@role='doc-noteref']")
    assert [(a.text, a.get("href"), a.get("id")) for a in refs] == [
        ("1", "#fn1", "fnref1"),
        ("2", "#fn2", "fnref2"),
    ]
    items = div.xpath(".//ol[@role='doc-endnotes']/li")
    assert [li.get("id") for li in items] == ["fn1", "fn2"]
    assert [li.xpath(".//a[@role='doc-backlink']/@href") for li in items] == [
        ["#fnref1"],
        ["#fnref2"],
    ]
    # The figure, from the library, in the page's language.
    image = library["image"]
    (img,) = div.xpath(".//figure//img")
    assert img.get("alt") == getattr(image, f"alt_{language}")
    caption = div.xpath("string(.//figure/figcaption)")
    assert getattr(image, f"caption_{language}") in caption
    assert getattr(image, f"credit_{language}") in caption
    # The chart: sandboxed, titled, from the allowed host.
    (frame,) = div.xpath(".//iframe")
    assert frame.get("src") == CHART
    assert frame.get("sandbox") is not None and frame.get("title")
    assert frame.get("title") == (
        "River flows, 2015-2025" if language == "en" else "تدفقات النهر، 2015-2025"
    )
    # Internal links: each to the page in this language.
    prefix = "/ar/" if language == "ar" else "/"
    hrefs = div.xpath(".//a[not(@role)]/@href")
    assert hrefs == [
        library["article"].url_in(language),
        expert_url(library["expert"], language),
        topic_url(library["topic"], language),
    ]
    assert all(href.startswith(prefix) for href in hrefs)
    if language == "ar":
        assert not any(href.startswith("/ar/ar") for href in hrefs)


def expert_url(expert, language):
    with translation.override(language):
        return expert.get_absolute_url()


def topic_url(topic, language):
    with translation.override(language):
        return topic.get_absolute_url()
