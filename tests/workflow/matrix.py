"""
Enumerate the admin's URLs and actions, and try each one as a user.

``outcome()`` answers with one letter, telling apart every way a request
is answered (see ``OUTCOMES``): a refusal (403, a redirect to log in) is
never mistaken for a missing page (404).
"""

import hashlib
from datetime import timedelta

from django.contrib import admin
from django.contrib.admin import ActionLocation
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from api.models import ApiKey
from articles.models import ArticleType, StaleTranslation, Status
from core.models import NotFound, Redirect
from exchange.models import ImportBatch
from history import snapshot
from history.services import record, record_pending, trash
from newsletter.models import Subscriber
from pages.models import Page
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.files import library_document, library_image
from tests.html import parse
from workflow.models import Comment, ShareLink, Transition

ANONYMOUS = "anonymous"

#: The letters of ``outcome()``.
OUTCOMES = {
    "Y": "200: the page was served (a form, a list, or a form shown again with its errors)",
    "N": "204: accepted, with nothing to show (the change page's heartbeat)",
    "R": "a redirect elsewhere than below: the request was carried out",
    "I": "a redirect to the admin's index: no such object for this user",
    "L": "a redirect to the login page",
    "F": "403: refused",
    "4": "404: not found",
    "M": "405: method not allowed",
    "B": "400: the request lacked what the view needs (an autosave without a form)",
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name


def admin_urls():
    """``{key: route}`` of every URL the admin site serves; the key is the URL name, or the route when unnamed."""
    return {name or route: route for route, name in _walk(admin.site.get_urls())}


def admin_actions():
    """``{"app.model:action": locations}`` for every action of every registered model admin."""
    found = {}
    for model, model_admin in admin.site._registry.items():
        if model_admin.actions is None:
            continue
        for location in ActionLocation:
            for action in model_admin._get_base_actions(location):
                found.setdefault(f"{model._meta.label_lower}:{action.name}", set()).add(
                    location
                )
    return found


def _revisions(obj, owner, **changes):
    """Two revisions of ``obj`` (before and after ``changes``), oldest first."""
    first = record(obj, owner)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return first, record(obj, owner)


def make_objects(owner):
    """
    One object of each registered model, and what each admin URL needs to
    reach its work: the article is a draft by ``owner`` with two revisions
    and a stale translation; a published article by ``owner`` has an
    unpublished change waiting; an article and an expert are in the trash.
    """
    # An author: approving and publishing need one.
    article = make_article(
        status=Status.DRAFT, languages=("en", "ar"), available_en=False, authors=1
    )
    article.available_en = article.available_ar = False
    article.created_by = owner
    article.save()
    link = ShareLink.objects.create(
        article=article,
        language="en",
        created_by=owner,
        expires_at=timezone.now() + timedelta(days=1),
    )
    transition = Transition.objects.create(
        article=article, name="submit", from_status="draft", to_status="draft"
    )
    live = make_article(languages=("en", "ar"), created_by=owner)
    record(live, owner)
    change = snapshot.take(live)
    change["fields"]["subtitle_en"] = "A subtitle waiting for an editor"
    trashed_article = make_article(created_by=owner)
    expert, trashed_expert = make_expert(), make_expert()
    page = Page.objects.create(title_en="Spare page", slug_en="spare-page")
    trashed_page = Page.objects.create(title_en="Old page", slug_en="old-page")
    for obj in (trashed_article, trashed_expert, trashed_page):
        trash(obj, owner)
    comment = Comment.objects.create(
        article=article, author=owner, body="Is the map right?"
    )
    return {
        "articles.article:comment": comment,
        "articles.article:revisions": _revisions(
            article, owner, subtitle_en="A new subtitle"
        ),
        "experts.expert:revisions": _revisions(
            expert, owner, titles_en="Distinguished Fellow"
        ),
        "articles.article:pending": (live, record_pending(live, change, owner)),
        "pages.page:revisions": _revisions(page, owner, title_ar="صفحة"),
        "pages.page:trashed": trashed_page,
        "pages.page": page,
        "newsletter.subscriber": Subscriber.objects.create(email="spare@example.org"),
        "api.apikey": _api_key(),
        "articles.article:trashed": trashed_article,
        "experts.expert:trashed": trashed_expert,
        "articles.staletranslation": StaleTranslation.objects.create(
            article=article,
            field="title_ar",
            english_then="An older title",
            since=timezone.now(),
        ),
        "auth.group": Group.objects.create(name="Spare"),
        "auth.user": User.objects.create_user("spare", "spare@example.org", "pw"),
        "taxonomy.topic": make_topic(),
        "taxonomy.region": make_region(),
        "experts.expert": expert,
        "workflow.sharelink": link,
        "workflow.transition": transition,
        "articles.articletype": ArticleType.objects.create(
            slug="spare", name_en="Spare", plural_en="Spares"
        ),
        "articles.article": article,
        "core.redirect": Redirect.objects.create(
            old_path="/old-spare", new_path="/new-spare"
        ),
        "core.notfound": NotFound.objects.create(path="/spare-missing"),
        # An upload checked by the administrator, waiting to be applied.
        "exchange.importbatch": ImportBatch.objects.create(
            name="spare.json",
            text='{"format": "thinktank-exchange/1"}',
            sha256=hashlib.sha256(b'{"format": "thinktank-exchange/1"}').hexdigest(),
            uploaded_by=User.objects.get(username="administrator"),
        ),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
            task_path="core.tasks.build_renditions",
            args_kwargs={"args": ["experts.Expert", 1, "headshot"], "kwargs": {}},
            backend_name="default",
        ),
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=owner, name="Phone"),
        "library.image": library_image(title="A spare image"),
        "library.document": library_document(title_en="A spare report"),
    }


def _api_key():
    key = ApiKey(name="Spare client")
    key.issue()
    key.save()
    return key


def url_for(key, route, objects):
    """An address for the admin URL ``key`` that acts on ``objects``."""
    if key == "(?P<url>.*)$":
        return "/admin/no-such-page/"
    if key == "app_list":
        return reverse("admin:app_list", kwargs={"app_label": "articles"})
    if key == "view_on_site":
        # A live article the user may see: the shortcut has a page to lead to.
        article, _change = objects["articles.article:pending"]
        ct = ContentType.objects.get_for_model(article)
        return reverse("admin:view_on_site", args=[ct.pk, article.pk])
    if key == "autocomplete":
        return (
            reverse("admin:autocomplete")
            + "?app_label=articles&model_name=article&field_name=topics&term=a"
        )
    app_model = route.split("/")[0] + "." + route.split("/")[1] if "/" in route else ""
    obj = objects.get(app_model)
    revisions = objects.get(f"{app_model}:revisions")
    revision = revisions[0] if revisions else None
    query = ""
    if key.endswith("_compare"):
        query = f"?a={revisions[0].pk}&b={revisions[1].pk}"
    elif key.endswith(("_publish_pending", "_discard_pending")):
        obj, revision = objects[f"{app_model}:pending"]
    url = "/admin/" + route
    if obj is not None:
        url = url.replace("<path:object_id>", str(obj.pk)).replace("<id>", str(obj.pk))
    if f"{app_model}:trashed" in objects:
        # The trash's restore: a record in the trash.
        url = url.replace("<int:pk>", str(objects[f"{app_model}:trashed"].pk))
    if obj is not None:
        # A model admin's own views of one object (a device's QR code).
        url = url.replace("<int:pk>", str(obj.pk))
    if revision is not None:
        url = url.replace("<int:revision_id>", str(revision.pk))
    if f"{app_model}:comment" in objects:
        # A comment by the article's owner, on the owner's draft.
        comment = objects[f"{app_model}:comment"]
        url = url.replace("<int:comment_id>", str(comment.pk))
        url = url.replace("<int:object_id>", str(comment.article_id))
    return (
        url.replace("<str:language>", "en").replace("<str:field>", "title_ar") + query
    )


def outcome(response):
    """How ``response`` answered, as one letter of ``OUTCOMES``."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "L"
        if location.rstrip("/") == "/admin":
            return "I"
        return "R"
    return {200: "Y", 204: "N", 400: "B", 403: "F", 404: "4", 405: "M"}.get(
        response.status_code, str(response.status_code)
    )


def action_choices(response):
    """The action names a page offers (its action select's options and the workflow buttons)."""
    if response.status_code != 200:
        return set()
    tree = parse(response)
    return {
        *tree.xpath(
            "//select[@name='action' or @name='CHANGE_FORM-action']/option/@value"
        ),
        *tree.xpath("//button[@name='CHANGE_FORM-action']/@value"),
    } - {""}
