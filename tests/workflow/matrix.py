"""
Enumerate the admin's URLs and actions, and try each one as a user.

``outcome()`` answers "Y" when the request was obeyed (2xx, or a redirect
that is not to the login page or, for a missing object, to the index) and
"N" when it was refused (403, 404, 405, a redirect to log in).
"""

from datetime import timedelta

import lxml.html
from django.contrib import admin
from django.contrib.admin import ActionLocation
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, reverse
from django.utils import timezone

from articles.models import ArticleType, Status
from tests.factories import make_article, make_expert, make_region, make_topic
from thinktank.models import Redirect
from workflow.models import ShareLink, Transition

ANONYMOUS = "anonymous"


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


def make_objects(owner):
    """One object of each registered model; the article is a draft by ``owner``."""
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
    from history.models import StaleTranslation
    from history.services import record

    revision = record(article, owner)
    return {
        "revision": revision,
        "history.staletranslation": StaleTranslation.objects.create(
            article=article,
            field="title_ar",
            english_then="An older title",
            since=timezone.now(),
        ),
        "auth.group": Group.objects.create(name="Spare"),
        "auth.user": User.objects.create_user("spare", "spare@example.org", "pw"),
        "taxonomy.topic": make_topic(),
        "taxonomy.region": make_region(),
        "experts.expert": make_expert(),
        "workflow.sharelink": link,
        "workflow.transition": transition,
        "articles.articletype": ArticleType.objects.create(
            slug="spare", name_en="Spare", plural_en="Spares"
        ),
        "articles.article": article,
        "thinktank.redirect": Redirect.objects.create(
            old_path="/old-spare", new_path="/new-spare"
        ),
    }


def url_for(key, route, objects):
    """An address for the admin URL ``key`` that acts on ``objects``."""
    if key == "(?P<url>.*)$":
        return "/admin/no-such-page/"
    if key == "app_list":
        return reverse("admin:app_list", kwargs={"app_label": "articles"})
    if key == "view_on_site":
        article = objects["articles.article"]
        ct = ContentType.objects.get_for_model(article)
        return reverse("admin:view_on_site", args=[ct.pk, article.pk])
    if key == "autocomplete":
        return (
            reverse("admin:autocomplete")
            + "?app_label=articles&model_name=article&field_name=topics&term=a"
        )
    app_model = route.split("/")[0] + "." + route.split("/")[1] if "/" in route else ""
    obj = objects.get(app_model)
    url = "/admin/" + route
    if obj is not None:
        url = url.replace("<path:object_id>", str(obj.pk)).replace("<id>", str(obj.pk))
    return (
        url.replace("<str:language>", "en")
        .replace("<int:revision_id>", str(objects["revision"].pk))
        .replace("<str:field>", "title_ar")
        # The trash's restore: the contributor's article, not in the trash.
        .replace("<int:pk>", str(objects["articles.article"].pk))
    )


def outcome(response, *, index_is_refusal=False):
    """``index_is_refusal``: for an object's URL, being sent to the index means "no such object (for you)"."""
    if response.status_code >= 400:
        return "N"
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "N"
        if index_is_refusal and location.rstrip("/") == "/admin":
            return "N"
    return "Y"


def action_choices(response):
    """The action names a page offers (its action select's options and the workflow buttons)."""
    if response.status_code != 200:
        return set()
    tree = lxml.html.fromstring(response.content.decode())
    return {
        *tree.xpath(
            "//select[@name='action' or @name='CHANGE_FORM-action']/option/@value"
        ),
        *tree.xpath("//button[@name='CHANGE_FORM-action']/@value"),
    } - {""}
