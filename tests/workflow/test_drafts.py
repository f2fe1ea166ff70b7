"""Editing a published article changes nothing for readers until an editor publishes the change."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Authorship, Status
from history import services, snapshot
from history.models import Revision, RevisionKind
from tests.admin_forms import change_url, fill, form_data
from tests.factories import make_article, make_expert
from tests.html import parse
from workflow import services as workflow
from workflow.models import Transition

pytestmark = pytest.mark.django_db


def edit(client, article, **fields):
    data = fill(form_data(client.get(change_url(article))), _save="Save", **fields)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def press(client, article, form_id):
    """Submit the change page's form ``form_id`` (publish or discard the change)."""
    page = parse(client.get(change_url(article)))
    (form,) = page.xpath(f"//form[@id='{form_id}']")
    return client.post(form.get("action"))


def user_with(user_model, username, *codenames):
    """A staff user with exactly the permissions ``codenames``."""
    user = user_model.objects.create_user(username, password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def reader_title(client, article, language="en"):
    page = parse(client.get(article.url_in(language)))
    return page.xpath("string(//h1[@class='article__title'])")


def test_unpublished_edit_leaves_the_live_page_until_published(admin_client, client):
    first, second = make_expert(), make_expert()
    article = make_article(
        "The live title", languages=("en", "ar"), authors=[first, second]
    )
    live_ar = article.title_ar
    edit(
        admin_client,
        article,
        title_en="The edited title",
        title_ar="العنوان المعدل",
        **{"authorships-0-order": 1, "authorships-1-order": 0},
    )
    # Readers see the published version, in both languages, with the same byline.
    assert reader_title(client, article) == "The live title"
    assert reader_title(client, article, "ar") == live_ar
    stored = Article.objects.get(pk=article.pk)
    assert stored.title_en == "The live title"
    assert [a.expert for a in stored.byline()] == [first, second]

    # The admin says so, starts the form from the change, and shows what differs.
    page = parse(admin_client.get(change_url(article)))
    assert "Unpublished change" in page.xpath(
        "string(//div[@class='module tt-pending'])"
    )
    assert page.xpath("//input[@name='title_en']/@value") == ["The edited title"]
    notice = page.xpath("string(//div[@class='module tt-pending'])")
    assert "The change also alters: authors, in byline order." in notice
    compare = page.xpath("//div[@class='module tt-pending']//a/@href")[0]
    changes = parse(admin_client.get(compare))
    labels = {
        row.xpath("string(th)").strip() + row.xpath("string(td[1])").strip()
        for row in changes.xpath("//tr[@class='tt-change']")
    }
    assert labels == {"TitleEN", "TitleAR", "Authors, in byline order—"}

    # Publishing applies exactly that revision.
    (publish,) = page.xpath("//form[@id='history-publish']")
    assert admin_client.post(publish.get("action")).status_code == 302
    assert reader_title(client, article) == "The edited title"
    assert reader_title(client, article, "ar") == "العنوان المعدل"
    stored = Article.objects.get(pk=article.pk)
    assert [a.expert for a in stored.byline()] == [second, first]
    assert Revision.objects.of(article).first().kind == RevisionKind.PUBLISH
    assert Transition.objects.filter(article=article, name="publish_changes").exists()
    page = parse(admin_client.get(change_url(article)))
    assert not page.xpath("//div[@class='module tt-pending']")


def test_publishing_a_change_superseded_after_review_is_refused(admin_client, client):
    article = make_article("Live")
    edit(admin_client, article, title_en="Reviewed change")
    reviewed = parse(admin_client.get(change_url(article)))
    (publish,) = reviewed.xpath("//form[@id='history-publish']")
    # Someone saves another change after the editor reviewed the first one.
    edit(admin_client, article, title_en="A later change")
    assert admin_client.post(publish.get("action")).status_code == 302
    assert reader_title(client, article) == "Live"
    # Publishing the change now waiting applies that one.
    page = parse(admin_client.get(change_url(article)))
    (publish,) = page.xpath("//form[@id='history-publish']")
    admin_client.post(publish.get("action"))
    assert reader_title(client, article) == "A later change"


def test_discarding_keeps_the_live_version_and_the_history(admin_client, client):
    article = make_article("Live")
    edit(admin_client, article, title_en="Not wanted")
    assert press(admin_client, article, "history-discard").status_code == 302
    assert reader_title(client, article) == "Live"
    kinds = list(Revision.objects.of(article).values_list("kind", flat=True))
    assert kinds[:2] == [RevisionKind.DISCARD, RevisionKind.PENDING]
    page = parse(admin_client.get(change_url(article)))
    assert page.xpath("//input[@name='title_en']/@value") == ["Live"]


def test_only_publishers_see_and_use_publish_changes(
    client, django_user_model, admin_client
):
    article = make_article("Live")
    edit(admin_client, article, title_en="Waiting")
    writer = user_with(
        django_user_model,
        "writer",
        "view_article",
        "change_article",
        "translate_article",
    )
    client.force_login(writer)
    page = parse(client.get(change_url(article)))
    assert page.xpath("//div[@class='module tt-pending']")
    assert not page.xpath("//form[@id='history-publish']")
    waiting = Revision.objects.of(article).first()
    url = reverse(
        "admin:articles_article_publish_pending", args=[article.pk, waiting.pk]
    )
    assert client.post(url).status_code == 403
    assert Article.objects.get(pk=article.pk).title_en == "Live"


def test_a_draft_saves_at_once(admin_client):
    article = make_article("Draft", status=Status.DRAFT)
    edit(admin_client, article, title_en="Changed draft")
    assert Article.objects.get(pk=article.pk).title_en == "Changed draft"
    assert not Authorship.objects.filter(article=article).exists()


def test_publishing_a_change_is_the_workflows_logged_step(admin_client, admin_user):
    """Defect 9: the workflow log names "Publish changes" in the reader's language."""
    article = make_article("Live")
    edit(admin_client, article, title_en="Reviewed change")
    assert press(admin_client, article, "history-publish").status_code == 302

    (logged,) = Transition.objects.filter(article=article)
    assert (logged.name, logged.actor, logged.from_status, logged.to_status) == (
        "publish_changes",
        admin_user,
        Status.PUBLISHED,
        Status.PUBLISHED,
    )
    for language, label in (("en", "Publish changes"), ("ar", "نشر التغييرات")):
        with translation.override(language):
            url = reverse("admin:articles_article_change", args=[article.pk])
        page = parse(admin_client.get(url))
        steps = [" ".join(td.text_content().split()) for td in log_steps(page)]
        assert steps == [label], language


def test_publishing_a_change_needs_the_publishers_permission(django_user_model):
    """Defect 9: the workflow refuses the step to others, as it does every transition."""
    article = make_article("Live")
    waiting = services.record_pending(
        article, {**snapshot.take(article), "fields": {"title_en": "Waiting"}}
    )
    reviewer = user_with(
        django_user_model, "reviewer", "change_article", "review_article"
    )
    with pytest.raises(workflow.TransitionError):
        workflow.publish_changes(waiting, reviewer)
    assert Article.objects.get(pk=article.pk).title_en == "Live"
    assert not Transition.objects.exists()

    publisher = user_with(
        django_user_model, "publisher", "change_article", "publish_article"
    )
    workflow.publish_changes(waiting, publisher)
    assert Article.objects.get(pk=article.pk).title_en == "Waiting"
    assert Transition.objects.get().name == "publish_changes"


def log_steps(page):
    """The "transition" cells of the workflow log on a change page."""
    return page.xpath("//td[contains(@class, 'field-step')]")
