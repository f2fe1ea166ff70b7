import re
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from modeltranslation.translator import translator

from articles.models import (
    ArticleSearchEntry,
    ArticleSearchText,
    ArticleType,
    Authorship,
    Recommendation,
    RelatedArticle,
    StaleTranslation,
)
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import parse

pytestmark = pytest.mark.django_db

MAKERS = {
    "taxonomy.topic": make_topic,
    "taxonomy.region": make_region,
    "experts.expert": make_expert,
    "articles.articletype": lambda: ArticleType.objects.get(slug="op-ed"),
    "articles.article": lambda: make_article(
        authors=2, topics=1, regions=1, languages=("en", "ar")
    ),
}
#: Edited inside the article form rather than on pages of their own.
INLINE_MODELS = {Authorship, Recommendation}
#: Derived from the others and kept up to date by the code, never edited
#: (stale translations are listed for translators to confirm, on their own page).
DERIVED_MODELS = {
    RelatedArticle,
    ArticleSearchEntry,
    ArticleSearchText,
    StaleTranslation,
}


def admin_url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def test_every_model_has_an_admin():
    """Each model of the content apps is editable in the admin, on its own page or inline."""
    models = {
        model
        for app in ("taxonomy", "experts", "articles")
        for model in apps.get_app_config(app).get_models()
    }
    registered = {
        model
        for model in models
        if admin.site.is_registered(model) and model not in DERIVED_MODELS
    }
    assert registered | INLINE_MODELS | DERIVED_MODELS == models
    assert {m._meta.label_lower for m in registered} == set(MAKERS)


@pytest.mark.parametrize("label", MAKERS)
@pytest.mark.parametrize("view", ["changelist", "add", "change"])
def test_admin_pages_load(admin_client, label, view):
    """The list, add and change pages of every model admin open for a superuser."""
    obj = MAKERS[label]()
    args = (obj.pk,) if view == "change" else ()
    response = admin_client.get(admin_url(label, view, *args))
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("label", MAKERS)
def test_admin_pages_load_nothing_from_elsewhere(admin_client, label):
    """Every script and stylesheet of a change form is local, and inline scripts carry the nonce."""
    obj = MAKERS[label]()
    response = admin_client.get(admin_url(label, "change", obj.pk))
    tree = parse(response)
    nonces = set(
        re.findall(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
    )
    for url in tree.xpath("//script/@src | //link/@href | //img/@src"):
        assert not urlsplit(url).netloc, url
    for script in tree.xpath("//script[not(@src)]"):
        if script.get("type") in {"application/json"}:
            continue
        assert script.get("nonce") in nonces, lxml.html.tostring(script)
    for style in tree.xpath("//style"):
        assert style.get("nonce") in nonces
    assert not tree.xpath("//*[@style]")


@pytest.mark.parametrize(
    ("label", "field", "lang", "direction"),
    [
        ("articles.article", "title_en", "en", "ltr"),
        ("articles.article", "title_ar", "ar", "rtl"),
        ("articles.article", "summary_ar", "ar", "rtl"),
        ("articles.article", "body_ar", "ar", "rtl"),
        ("articles.article", "body_en", "en", "ltr"),
        ("articles.article", "slug_ar", "ar", "ltr"),  # transliterated ASCII
        ("experts.expert", "bio_ar", "ar", "rtl"),
        ("experts.expert", "name_ar", "ar", "rtl"),
        ("taxonomy.topic", "name_ar", "ar", "rtl"),
        ("taxonomy.region", "description_ar", "ar", "rtl"),
        ("articles.articletype", "plural_ar", "ar", "rtl"),
    ],
)
def test_translation_inputs_carry_their_language(
    admin_client, label, field, lang, direction
):
    """Each language's input has lang and dir from the server, so Arabic is right to left without JavaScript."""
    tree = parse(admin_client.get(admin_url(label, "add")))
    (element,) = tree.xpath(f"//*[@name='{field}']")
    assert element.get("lang") == lang
    assert element.get("dir") == direction
    assert element.get("data-mt-lang") == lang
    assert element.get("data-mt-field") == field.rsplit("_", 1)[0]


def test_rich_text_fields_use_the_prose_editor_per_language(admin_client):
    """body_en and body_ar each get the prose editor, with its scripts from static files."""
    tree = parse(admin_client.get(admin_url("articles.article", "add")))
    for name in ("body_en", "body_ar"):
        (textarea,) = tree.xpath(f"//textarea[@name='{name}']")
        assert textarea.get("data-django-prose-editor-configurable")
    scripts = tree.xpath("//script/@src")
    assert any(src.endswith("django_prose_editor/configurable.js") for src in scripts)
    assert any(src.endswith("admin/thinktank/translation_tabs.js") for src in scripts)
    assert not any("jquery-ui" in src or "googleapis" in src for src in scripts)


def test_type_specific_fieldsets_open_for_the_article_kind(admin_client):
    """An op-ed's outlet fields are open; the testimony and report groups are collapsed."""
    article = make_article(type="op-ed")
    tree = parse(admin_client.get(admin_url("articles.article", "change", article.pk)))

    def is_collapsed(heading):
        (fieldset,) = tree.xpath(f"//fieldset[.//h2[normalize-space()='{heading}']]")
        return "collapse" in fieldset.get("class").split()

    assert not is_collapsed("Op-ed: the outside outlet")
    assert is_collapsed("Testimony")
    assert is_collapsed("Report")


def test_article_list_shows_titles_languages_and_authors(admin_client):
    """The article list shows both titles, the languages published and the byline in order."""
    first, second = make_expert("Dana Stroul"), make_expert("Omer Carmi")
    article = make_article(
        "Gulf Security", authors=[second, first], languages=("en", "ar")
    )
    tree = parse(admin_client.get(admin_url("articles.article", "changelist")))
    (row,) = tree.xpath("//table[@id='result_list']/tbody/tr")
    text = row.text_content()
    assert article.title_en in text and article.title_ar in text
    (languages,) = row.xpath(".//td[contains(@class, 'field-published_languages')]")
    assert languages.text_content().split() == ["EN", "AR"]
    (byline,) = row.xpath(".//td[contains(@class, 'field-byline')]")
    assert byline.text_content() == "Omer Carmi, Dana Stroul"


@pytest.mark.parametrize("label", ["articles.article", "experts.expert"])
def test_change_list_queries_do_not_grow_with_rows(admin_client, label):
    """The list costs the same number of queries for one row or four."""
    url = admin_url(label, "changelist")
    MAKERS[label]()
    admin_client.get(url)  # warm the session and content-type caches
    with CaptureQueriesContext(connection) as one:
        assert admin_client.get(url).status_code == 200
    for _ in range(3):
        MAKERS[label]()
    with CaptureQueriesContext(connection) as four:
        assert admin_client.get(url).status_code == 200
    assert len(four) == len(one)


def test_autocomplete_finds_experts_by_arabic_name(admin_client):
    """The author picker searches Arabic names too."""
    expert = make_expert("Noam Raydan", name_ar="نعوم ريدان")
    make_expert("Someone Else")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "ريدان",
            "app_label": "articles",
            "model_name": "authorship",
            "field_name": "expert",
        },
    )
    assert [r["id"] for r in response.json()["results"]] == [str(expert.pk)]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("en", {"both", "english"}), ("ar", {"both", "arabic"}), ("none", {"neither"})],
)
def test_article_list_filters_by_published_language(admin_client, choice, expected):
    """The "published in" filter picks articles by the language versions published."""
    make_article("both", languages=("en", "ar"))
    make_article("english", languages=("en",))
    make_article("arabic", languages=("ar",), title_ar="عربي")
    make_article("neither", languages=())
    response = admin_client.get(
        admin_url("articles.article", "changelist"), {"published_in": choice}
    )
    titles = parse(response).xpath(
        "//table[@id='result_list']//th[contains(@class, 'field-headline')]/a/text()"
    )
    assert set(titles) == expected


@pytest.mark.parametrize(
    "label", ["articles.article", "experts.expert", "taxonomy.topic"]
)
def test_change_form_links_to_the_public_page(admin_client, label):
    """ "View on site" leads to the record's public address."""
    obj = MAKERS[label]()
    tree = parse(admin_client.get(admin_url(label, "change", obj.pk)))
    (link,) = tree.xpath("//a[contains(@class, 'viewsitelink')]/@href")
    response = admin_client.get(link)
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == obj.get_absolute_url()


def test_article_list_query_count(admin_client, django_assert_num_queries):
    """
    The article list costs 11 queries: session and user, the type, topic,
    region (the tree), author and owner filter choices, one count (the
    archive's total is not counted again), the page of articles with their
    types, their authors with experts, and the first and last publication
    dates (the year filter's range).
    """
    make_article(authors=2, topics=1, languages=("en", "ar"))
    url = admin_url("articles.article", "changelist")
    admin_client.get(url)
    with django_assert_num_queries(11):
        admin_client.get(url)


@pytest.mark.parametrize("label", MAKERS)
def test_every_editable_field_is_on_the_change_form(rf, admin_user, label):
    """A field added to a model is not silently left out of its admin's fieldsets."""
    model = apps.get_model(label)
    model_admin = admin.site.get_model_admin(model)
    request = rf.get("/")
    request.user = admin_user
    shown = set(flatten_fieldsets(model_admin.get_fieldsets(request)))
    translated = set(translator.get_options_for_model(model).all_fields)
    through = {"authors", "recommendations"}  # edited in the inlines
    editable = {
        field.name
        for field in model._meta.get_fields()
        if field.concrete
        and getattr(field, "editable", False)
        and not field.auto_created
        and field.name not in translated | through
    }
    assert editable <= shown
