from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Status
from core.slugs import propose_slug, transliterate
from experts.models import Expert, ExpertStatus
from taxonomy.models import Region, Topic
from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Is Iran Ready to Build a Nuclear Bomb or Not?",
            "iran-ready-build-nuclear-bomb-or-not",
        ),
        ("The Gulf and the New Energy Map", "gulf-and-new-energy-map"),
        ("Khamenei's Balancing Act", "khameneis-balancing-act"),
        ("خامنئي وحفظ التوازن", "khamnyy-whfz-altwazn"),
        ("إيران والعقوبات ٢٠٢٣", "ayran-walqwbat-2023"),
    ],
)
def test_slugs_are_proposed_from_titles_without_small_words(title, slug):
    """Slugs drop small words and transliterate Arabic to ASCII, as the reference site does."""
    assert propose_slug(title) == slug


def test_transliteration_drops_diacritics():
    """Vowel marks do not change a transliterated slug."""
    assert transliterate("النَّوَوِيّ") == transliterate("النووي")


def test_article_slugs_are_proposed_per_language_on_save():
    """An article saved without slugs gets one per language it has a title in."""
    article = make_article(
        "Oil and the Gulf", languages=("en", "ar"), title_ar="النفط والخليج"
    )
    assert article.slug_en == "oil-and-gulf"
    assert article.slug_ar == "alnft-walkhlyj"
    assert article.get_absolute_url() == "/policy-analysis/oil-and-gulf"
    assert article.url_in("ar") == "/ar/policy-analysis/alnft-walkhlyj"


def test_article_slug_is_unique_per_language():
    """Two articles cannot share an English slug; the database refuses it too."""
    make_article("Sanctions Relief", slug_en="sanctions-relief")
    clash = Article(type_id=1, title_en="Other", slug_en="sanctions-relief")
    with pytest.raises(ValidationError) as excinfo:
        clash.full_clean()
    assert "slug_en" in excinfo.value.message_dict
    assert 'article "Sanctions Relief"' in excinfo.value.message_dict["slug_en"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("Other", slug_en="sanctions-relief")


def test_same_slug_in_two_languages_of_different_articles_is_allowed():
    """The English and Arabic URL spaces are separate."""
    make_article("One", slug_en="shared-slug")
    other = make_article("Two", languages=("en", "ar"), slug_ar="shared-slug")
    other.full_clean()


def test_topic_slug_cannot_clash_with_an_article_slug():
    """Articles, topics and regions share /policy-analysis/: a clash names the other record."""
    make_article("Proliferation Outlook", slug_en="proliferation")
    topic = Topic(name_en="Proliferation", slug="proliferation")
    with pytest.raises(ValidationError) as excinfo:
        topic.full_clean()
    assert 'article "Proliferation Outlook"' in excinfo.value.message_dict["slug"][0]


def test_article_slug_cannot_clash_with_a_region_in_any_language():
    """A region's one slug serves both languages, so an Arabic article slug may not take it."""
    make_region("Iran", slug="iran")
    article = Article(
        type_id=1, title_en="Iran Now", slug_ar="iran", title_ar="إيران الآن"
    )
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert 'region "Iran"' in excinfo.value.message_dict["slug_ar"][0]


def test_topic_and_region_cannot_share_a_slug():
    """A topic named like a region must take another slug."""
    make_topic("Gulf", slug="gulf")
    with pytest.raises(ValidationError) as excinfo:
        Region(name_en="Gulf", slug="gulf").full_clean()
    assert 'topic "Gulf"' in excinfo.value.message_dict["slug"][0]


def test_region_cannot_be_its_own_ancestor():
    """Regions nest, but never in a loop."""
    gulf = make_region("Gulf States")
    saudi = make_region("Saudi Arabia", parent=gulf)
    gulf.parent = saudi
    with pytest.raises(ValidationError) as excinfo:
        gulf.full_clean()
    assert "parent" in excinfo.value.message_dict
    saudi.refresh_from_db()
    assert saudi.ancestors() == [Region.objects.get(pk=gulf.pk)]


@pytest.mark.parametrize(
    ("status", "offset", "visible"),
    [
        (Status.PUBLISHED, -60, True),
        (Status.SCHEDULED, -60, True),
        (Status.PUBLISHED, +60, False),
        (Status.SCHEDULED, +60, False),
        (Status.DRAFT, -60, False),
        (Status.IN_REVIEW, -60, False),
        (Status.ARCHIVED, -60, False),
    ],
)
def test_visibility_depends_on_status_and_date(status, offset, visible):
    """Readers see published or scheduled work once its moment has come, and nothing else."""
    article = make_article(
        status=status, published_at=timezone.now() + timedelta(seconds=offset)
    )
    assert (article in Article.objects.published()) is visible
    assert (article in Article.objects.unpublished()) is not visible


def test_language_visibility_follows_the_editors_choice_not_filled_columns():
    """Arabic text alone does not publish the Arabic version; the editor's choice does."""
    article = make_article(
        languages=("en",), title_ar="عنوان", summary_ar="ملخص", body_ar="<p>نص</p>"
    )
    assert list(Article.objects.live("ar")) == []
    assert list(Article.objects.live("en")) == [article]
    article.available_ar = True
    article.save()
    assert list(Article.objects.live("ar")) == [article]


def test_publishing_a_language_needs_its_text():
    """An Arabic version cannot be published without an Arabic title, summary and body."""
    article = make_article(languages=("en",))
    article.available_ar = True
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    message = excinfo.value.message_dict["available_ar"][0]
    assert "title" in message and "summary" in message and "body" in message


def test_english_never_stands_in_for_missing_arabic():
    """Reading a translated field under Arabic gives the Arabic text or nothing."""
    from django.utils import translation

    article = make_article("Only English")
    with translation.override("ar"):
        assert not article.title
        assert not article.summary


def test_published_article_needs_a_date():
    """A published article without a date is refused by validation and by the database."""
    article = Article(type_id=1, title_en="Undated", status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "published_at" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(type_id=1, title_en="Undated", status=Status.PUBLISHED)


def test_first_publication_is_remembered():
    """first_published_at is set once and kept when the date is edited later."""
    moment = timezone.now() - timedelta(days=3)
    article = make_article(published_at=moment)
    article.published_at = timezone.now() - timedelta(days=1)
    article.save()
    article.refresh_from_db()
    assert article.first_published_at == moment


def test_authors_keep_the_editors_order():
    """The byline is in the order the editor set, not by name or id."""
    zed, amy = make_expert("Zed Zane"), make_expert("Amy Adams")
    article = make_article(authors=[zed, amy])
    assert [a.expert.name_en for a in article.byline()] == ["Zed Zane", "Amy Adams"]


def test_expert_defaults_and_rules():
    """Slugs and sort names come from the name; a current expert has no end year."""
    expert = make_expert("Omer Carmi")
    assert (expert.slug, expert.sort_name) == ("omer-carmi", "Carmi, Omer")
    expert.affiliation_end = 2020
    with pytest.raises(ValidationError):
        expert.full_clean()
    expert.status = ExpertStatus.FORMER
    expert.affiliation_start = 2021
    with pytest.raises(ValidationError):
        expert.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Expert.objects.filter(pk=expert.pk).update(
            affiliation_start=2021, affiliation_end=2020
        )


def test_an_article_cannot_recommend_itself():
    """The database refuses a self-recommendation."""
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        article.recommendation_links.create(recommended=article)


def test_nul_characters_are_refused_on_save_and_in_validation():
    """Defect 5: a NUL character is refused on every database, naming the field."""
    from articles.models import Authorship
    from core.models import Redirect

    article = make_article(
        "Ports and power", status=Status.DRAFT, languages=("en", "ar")
    )
    article.body_ar = "<p>نص\u0000 عربي</p>"
    article.subtitle_en = "A\u0000B"
    with pytest.raises(ValidationError) as refused:
        article.save()
    assert set(refused.value.message_dict) == {"body_ar", "subtitle_en"}
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert refused.value.message_dict["body_ar"] == ["Null characters are not allowed."]
    assert refused.value.message_dict["subtitle_en"] == [
        "Null characters are not allowed."
    ]
    article.refresh_from_db()
    assert "\u0000" not in article.body_ar
    # Positive control: the same article saves once the text is clean.
    article.subtitle_en = "A B"
    article.save()

    records = [
        Topic(name_en="Oil\u0000", slug="oil"),
        Region(name_en="Gulf", slug="gulf", description_ar="\u0000"),
        Expert(name_en="Jane\u0000 Roe", slug="jane-roe"),
        Redirect(old_path="/old\u0000", new_path="/new"),
    ]
    for record in records:
        with pytest.raises(ValidationError):
            record.save()
        assert not type(record).objects.exists()
    authorship = Authorship(
        article=article, expert=make_expert(), frozen={"en": {"name": "X\u0000"}}
    )
    with pytest.raises(ValidationError) as refused:
        authorship.save()
    assert set(refused.value.message_dict) == {"frozen"}
    authorship.frozen = {"en": {"name": "X"}}
    authorship.save()
