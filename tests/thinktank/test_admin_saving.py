"""The admin forms save both languages through real POSTs built from the rendered forms."""

import pytest
from django.urls import reverse

from articles.models import Article, ArticleType
from experts.models import Expert, ExpertStatus
from taxonomy.models import Region, Topic
from tests.admin_forms import add_inline_row, errors, fill, form_data
from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


def post_form(client, url, **fields):
    """Open the form at ``url``, change ``fields`` and submit it with Save."""
    data = fill(form_data(client.get(url)), _save="Save", **fields)
    return client.post(url, data)


def assert_saved(response):
    assert response.status_code == 302, errors(response)


@pytest.mark.parametrize(
    ("model", "make"), [(Topic, make_topic), (Region, make_region)]
)
def test_terms_save_both_languages(admin_client, model, make):
    """A topic or region is added and changed with its English and Arabic names."""
    opts = model._meta
    parent = make("Middle East")
    add_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    assert_saved(
        post_form(
            admin_client,
            add_url,
            name_en="Energy and Economics",
            name_ar="الطاقة والاقتصاد",
            description_en="Oil, gas and trade.",
            description_ar="النفط والغاز والتجارة.",
            parent=parent.pk,
            sort_order=3,
        )
    )
    term = model.objects.get(name_en="Energy and Economics")
    assert term.name_ar == "الطاقة والاقتصاد"
    assert term.description_ar == "النفط والغاز والتجارة."
    assert term.slug == "energy-and-economics"
    assert (term.parent, term.sort_order) == (parent, 3)

    change_url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[term.pk]
    )
    assert_saved(
        post_form(admin_client, change_url, name_ar="الطاقة", parent="", slug="energy")
    )
    term.refresh_from_db()
    assert (term.name_en, term.name_ar) == ("Energy and Economics", "الطاقة")
    assert term.description_en == "Oil, gas and trade."
    assert term.slug == "energy"
    assert term.parent is None


def test_expert_saves_both_languages(admin_client):
    """An expert is added and changed with English and Arabic name, titles and biography."""
    topic, region = make_topic("Iran"), make_region("Gulf")
    assert_saved(
        post_form(
            admin_client,
            reverse("admin:experts_expert_add"),
            name_en="Layla Haddad",
            name_ar="ليلى حداد",
            titles_en="Senior Fellow\nDirector, Energy Program",
            titles_ar="زميلة أولى\nمديرة برنامج الطاقة",
            short_bio_en="Layla Haddad studies Gulf energy.",
            short_bio_ar="تدرس ليلى حداد الطاقة في الخليج.",
            bio_en="<p>Layla Haddad joined in 2019.</p>",
            bio_ar='<p dir="rtl">انضمت ليلى حداد عام 2019.</p>',
            status=ExpertStatus.CURRENT,
            affiliation_start=2019,
            topics=[topic.pk],
            regions=[region.pk],
        )
    )
    expert = Expert.objects.get(name_en="Layla Haddad")
    assert expert.name_ar == "ليلى حداد"
    assert expert.title_list == ["Senior Fellow", "Director, Energy Program"]
    assert expert.titles_ar.splitlines() == ["زميلة أولى", "مديرة برنامج الطاقة"]
    assert expert.short_bio_ar == "تدرس ليلى حداد الطاقة في الخليج."
    assert expert.bio_en == "<p>Layla Haddad joined in 2019.</p>"
    assert expert.bio_ar == '<p dir="rtl">انضمت ليلى حداد عام 2019.</p>'
    assert (expert.slug, expert.sort_name) == ("layla-haddad", "Haddad, Layla")
    assert list(expert.topics.all()) == [topic]
    assert list(expert.regions.all()) == [region]

    assert_saved(
        post_form(
            admin_client,
            reverse("admin:experts_expert_change", args=[expert.pk]),
            name_ar="ليلى الحداد",
            status=ExpertStatus.FORMER,
            affiliation_end=2024,
            has_profile=False,
        )
    )
    expert.refresh_from_db()
    assert (expert.name_en, expert.name_ar) == ("Layla Haddad", "ليلى الحداد")
    assert expert.status == ExpertStatus.FORMER
    assert expert.affiliation_end == 2024
    assert expert.has_profile is False
    assert expert.bio_ar == '<p dir="rtl">انضمت ليلى حداد عام 2019.</p>'


def test_expert_form_refuses_an_end_year_for_a_current_expert(admin_client):
    """The model's rule shows on the end-year field."""
    expert = make_expert()
    response = post_form(
        admin_client,
        reverse("admin:experts_expert_change", args=[expert.pk]),
        affiliation_end=2020,
    )
    assert "affiliation_end" in errors(response)


def test_article_type_saves_both_languages(admin_client):
    """An article type is added and changed with English and Arabic labels and its kind."""
    assert_saved(
        post_form(
            admin_client,
            reverse("admin:articles_articletype_add"),
            name_en="Interview",
            name_ar="مقابلة",
            plural_en="Interviews",
            plural_ar="مقابلات",
            slug="interview",
            kind="analysis",
            sort_order=70,
        )
    )
    kind = ArticleType.objects.get(slug="interview")
    assert (kind.name_en, kind.name_ar) == ("Interview", "مقابلة")
    assert (kind.plural_en, kind.plural_ar) == ("Interviews", "مقابلات")
    assert_saved(
        post_form(
            admin_client,
            reverse("admin:articles_articletype_change", args=[kind.pk]),
            plural_ar="مقابلات صحفية",
            kind="op_ed",
        )
    )
    kind.refresh_from_db()
    assert (kind.plural_ar, kind.kind) == ("مقابلات صحفية", "op_ed")


def test_article_saves_both_languages_authors_and_recommendations(
    admin_client, admin_user
):
    """
    An article is added, then changed, with both languages, ordered authors and
    recommendations. (Publication fields belong to the editorial workflow.)
    """
    first, second = make_expert("Dana Stroul"), make_expert("Omer Carmi")
    topic, region = make_topic("Iran"), make_region("Gulf")
    older, oldest = make_article("Earlier work"), make_article("Earliest work")
    url = reverse("admin:articles_article_add")
    data = fill(
        form_data(admin_client.get(url)),
        _save="Save",
        type=ArticleType.objects.get(slug="brief-analysis").pk,
        title_en="Oil and the Gulf",
        title_ar="النفط والخليج",
        subtitle_en="Exports after the cuts",
        subtitle_ar="الصادرات بعد التخفيضات",
        summary_en="What the cuts changed.",
        summary_ar="ما الذي غيرته التخفيضات.",
        body_en="<h2>Exports</h2><p>Exports rose.</p>",
        body_ar='<h2 dir="rtl">الصادرات</h2><p dir="rtl">ارتفعت الصادرات.</p>',
        topics=[topic.pk],
        regions=[region.pk],
        series="PolicyWatch",
        series_number=3745,
    )
    add_inline_row(data, "authorships", expert=second.pk, order=1)
    add_inline_row(data, "authorships", expert=first.pk, order=2)
    add_inline_row(data, "recommendation_links", recommended=oldest.pk, order=1)
    add_inline_row(data, "recommendation_links", recommended=older.pk, order=2)
    assert_saved(admin_client.post(url, data))

    article = Article.objects.get(title_en="Oil and the Gulf")
    assert article.title_ar == "النفط والخليج"
    assert article.subtitle_ar == "الصادرات بعد التخفيضات"
    assert article.summary_ar == "ما الذي غيرته التخفيضات."
    assert article.body_en == "<h2>Exports</h2><p>Exports rose.</p>"
    assert article.body_ar == (
        '<h2 dir="rtl">الصادرات</h2><p dir="rtl">ارتفعت الصادرات.</p>'
    )
    assert (article.slug_en, article.slug_ar) == ("oil-and-gulf", "alnft-walkhlyj")
    assert [a.expert for a in article.byline()] == [second, first]
    assert [r.recommended for r in article.recommendation_links.all()] == [
        oldest,
        older,
    ]
    assert list(article.topics.all()) == [topic]
    assert list(article.regions.all()) == [region]
    assert (article.series, article.series_number) == ("PolicyWatch", 3745)
    assert article.created_by == admin_user
    assert article.updated_by == admin_user

    # Change it: a new Arabic title, authors swapped.
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url))
    rows = {
        data[f"authorships-{i}-expert"][0]: i
        for i in range(int(data["authorships-TOTAL_FORMS"][0]))
        if data.get(f"authorships-{i}-expert", [""])[0]
    }
    fill(
        data,
        _save="Save",
        title_ar="النفط في الخليج",
        **{
            f"authorships-{rows[str(first.pk)]}-order": 1,
            f"authorships-{rows[str(second.pk)]}-order": 2,
        },
    )
    assert_saved(admin_client.post(url, data))
    article.refresh_from_db()
    assert (article.title_en, article.title_ar) == (
        "Oil and the Gulf",
        "النفط في الخليج",
    )
    assert article.slug_ar == "alnft-walkhlyj"  # a published address does not move
    assert article.body_ar == (
        '<h2 dir="rtl">الصادرات</h2><p dir="rtl">ارتفعت الصادرات.</p>'
    )
    assert [a.expert for a in article.byline()] == [first, second]


def test_empty_arabic_slug_gets_the_transliterated_title(admin_client):
    """An Arabic title with no Arabic slug is saved under the title's ASCII transliteration."""
    response = post_form(
        admin_client,
        reverse("admin:articles_article_add"),
        type=ArticleType.objects.get(slug="brief-analysis").pk,
        title_en="Iran's Balancing Act",
        title_ar="خامنئي وحفظ التوازن",
        slug_en="",
        slug_ar="",
    )
    assert_saved(response)
    article = Article.objects.get(title_en="Iran's Balancing Act")
    assert article.slug_en == "irans-balancing-act"
    assert article.slug_ar == "khamnyy-whfz-altwazn"


def test_article_slug_clashing_with_a_topic_names_the_topic(admin_client):
    """An article slug already used by a topic is refused on the slug field, naming the topic."""
    make_topic("Iran Talks", slug="iran-talks")
    response = post_form(
        admin_client,
        reverse("admin:articles_article_add"),
        type=ArticleType.objects.get(slug="brief-analysis").pk,
        title_en="New Round of Talks",
        slug_en="iran-talks",
    )
    assert response.status_code == 200
    assert errors(response)["slug_en"] == [
        'This address is already used by topic "Iran Talks".'
    ]
    assert not Article.objects.filter(title_en="New Round of Talks").exists()


def test_proposed_article_slug_clashing_with_a_region_names_the_region(admin_client):
    """A slug proposed from the title is checked too: the error names the region."""
    make_region("Gulf States", slug="gulf-states")
    response = post_form(
        admin_client,
        reverse("admin:articles_article_add"),
        type=ArticleType.objects.get(slug="brief-analysis").pk,
        title_en="The Gulf States",
        slug_en="",
    )
    assert errors(response)["slug_en"] == [
        'This address is already used by region "Gulf States".'
    ]
    # The clashing proposal is shown, for the editor to change.
    assert form_data(response)["slug_en"] == ["gulf-states"]


def test_topic_slug_clashing_with_an_arabic_article_slug_names_the_article(
    admin_client,
):
    """A topic slug that an article holds in Arabic is refused, naming the article."""
    make_article("Oil and the Gulf", languages=("en", "ar"), title_ar="النفط والخليج")
    response = post_form(
        admin_client,
        reverse("admin:taxonomy_topic_add"),
        name_en="Oil",
        name_ar="النفط",
        slug="alnft-walkhlyj",
    )
    assert errors(response)["slug"] == [
        'This address is already used by article "Oil and the Gulf".'
    ]


def test_article_cannot_recommend_itself(admin_client):
    """The recommendations inline refuses the article itself, and nothing is saved."""
    article = make_article("Oil and the Gulf")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = fill(form_data(admin_client.get(url)), _save="Save")
    add_inline_row(data, "recommendation_links", recommended=article.pk, order=1)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    messages = [text for texts in errors(response).values() for text in texts]
    assert "An article cannot recommend itself." in messages
    assert not article.recommendation_links.exists()


def test_nul_characters_are_refused_in_every_field(admin_client):
    """Defect 5: the admin refuses a NUL character in plain and rich text, naming the field."""
    article = make_article("Ports and power", status="draft")
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = post_form(
        admin_client,
        url,
        title_en="Ports\u0000 and power",
        body_ar="<p>نص\u0000</p>",
        series="Policy\u0000Watch",
    )
    assert response.status_code == 200
    found = errors(response)
    for field in ("title_en", "body_ar", "series"):
        assert found[field] == ["Null characters are not allowed."], found
    article.refresh_from_db()
    assert article.title_en == "Ports and power"
    # Positive control: the same edit without the character saves.
    assert_saved(
        post_form(
            admin_client,
            url,
            title_en="Ports and power",
            body_ar="<p>نص</p>",
            series="PolicyWatch",
        )
    )
    article.refresh_from_db()
    assert article.series == "PolicyWatch"
