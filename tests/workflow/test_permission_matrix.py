"""
Every role × every admin URL and action × GET and POST, against a table.

The table's keys must be exactly the admin's registered URLs and actions
(enumerated from ``admin.site``): a new URL or action without a row fails
``test_table_covers_every_url_and_action``. Each cell string reads, in the
order of ``COLUMNS``, "Y" (obeyed) or "N" (refused).
"""

from datetime import timedelta

import pytest
from django.contrib.admin import ActionLocation
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.workflow.conftest import make_user
from tests.workflow.matrix import (
    ANONYMOUS,
    action_choices,
    admin_actions,
    admin_urls,
    make_objects,
    outcome,
    url_for,
)
from workflow.models import ShareLink, Transition
from workflow.roles import (
    ADMINISTRATOR,
    CONTRIBUTOR,
    EDITOR,
    EXPERT_MANAGER,
    TRANSLATOR,
)

pytestmark = pytest.mark.django_db

#: The column order of every cell: anonymous, Contributor, Editor, Translator, Expert manager, Administrator.
COLUMNS = [ANONYMOUS, CONTRIBUTOR, EDITOR, TRANSLATOR, EXPERT_MANAGER, ADMINISTRATOR]

#: Admin URL → (GET, POST). Object URLs act on the contributor's own draft
#: (articles) or one spare object of the model.
URLS = {
    # history (revisions, trash, stale translations)
    "articles_article_compare": ("NNNNNN", "NNNNNN"),
    "articles_article_discard_pending": ("NNNNNN", "NNNNNN"),
    "articles_article_presence": ("NNNNNN", "NYYYNY"),
    "articles_article_publish_pending": ("NNNNNN", "NNNNNN"),
    "articles_article_restore": ("NYYNNY", "NYYNNY"),
    "articles_article_stale_confirm": ("NNNNNN", "NYYYNY"),
    "articles_article_trash": ("NNYNNY", "NNYNNY"),
    "articles_article_untrash": ("NNNNNN", "NNNNNN"),
    "experts_expert_compare": ("NNNNNN", "NNNNNN"),
    "experts_expert_presence": ("NNNNNN", "NNNNYY"),
    "experts_expert_restore": ("NNNNNN", "NNNNNN"),
    "experts_expert_stale_confirm": ("NNNNNN", "NNNNNN"),
    "experts_expert_trash": ("NNNNYY", "NNNNYY"),
    "experts_expert_untrash": ("NNNNNN", "NNNNNN"),
    "history/staletranslation/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "history_staletranslation_add": ("NNNNNN", "NNNNNN"),
    "history_staletranslation_change": ("NYYYNY", "NNNNNN"),
    "history_staletranslation_changelist": ("NYYYNY", "NYYYNY"),
    "history_staletranslation_delete": ("NNNNNN", "NNNNNN"),
    "history_staletranslation_history": ("NYYYNY", "NYYYNY"),
    "(?P<url>.*)$": ("NNNNNN", "NNNNNN"),
    "app_list": ("NYYYNY", "NYYYNY"),
    "articles/article/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "articles/articletype/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "articles_article_add": ("NYYNNY", "NYYNNY"),
    "articles_article_calendar": ("NYYYNY", "NYYYNY"),
    "articles_article_change": ("NYYYNY", "NYYYNY"),
    "articles_article_changelist": ("NYYYNY", "NYYYNY"),
    "articles_article_delete": ("NNYNNY", "NNYNNY"),
    "articles_article_history": ("NYYYNY", "NYYYNY"),
    "articles_article_preview": ("NYYYNY", "NYYYNY"),
    "articles_articletype_add": ("NNNNNY", "NNNNNY"),
    "articles_articletype_change": ("NYYYNY", "NNNNNY"),
    "articles_articletype_changelist": ("NYYYNY", "NYYYNY"),
    "articles_articletype_delete": ("NNNNNY", "NNNNNY"),
    "articles_articletype_history": ("NYYYNY", "NYYYNY"),
    "auth/group/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "auth/user/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "auth_group_add": ("NNNNNY", "NNNNNY"),
    "auth_group_change": ("NNNNNY", "NNNNNY"),
    "auth_group_changelist": ("NNNNNY", "NNNNNY"),
    "auth_group_delete": ("NNNNNY", "NNNNNY"),
    "auth_group_history": ("NNNNNY", "NNNNNY"),
    "auth_user_add": ("NNNNNY", "NNNNNY"),
    "auth_user_change": ("NNNNNY", "NNNNNY"),
    "auth_user_changelist": ("NNNNNY", "NNNNNY"),
    "auth_user_delete": ("NNNNNY", "NNNNNY"),
    "auth_user_history": ("NNNNNY", "NNNNNY"),
    "auth_user_password_change": ("NNNNNY", "NNNNNY"),
    "autocomplete": ("NYYYYY", "NNNNNN"),
    "experts/expert/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "experts_expert_add": ("NNNNYY", "NNNNYY"),
    "experts_expert_change": ("NYYYYY", "NNNNYY"),
    "experts_expert_changelist": ("NYYYYY", "NYYYYY"),
    "experts_expert_delete": ("NNNNYY", "NNNNYY"),
    "experts_expert_history": ("NYYYYY", "NYYYYY"),
    "index": ("NYYYYY", "NYYYYY"),
    "jsi18n": ("NYYYYY", "NNNNNN"),
    "login": ("YYYYYY", "YYYYYY"),
    "logout": ("YNNNNN", "YYYYYY"),
    "password_change": ("NYYYYY", "NYYYYY"),
    "password_change_done": ("NYYYYY", "NNNNNN"),
    "taxonomy/region/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "taxonomy/topic/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "taxonomy_region_add": ("NNNNNY", "NNNNNY"),
    "taxonomy_region_change": ("NYYYYY", "NNNNNY"),
    "taxonomy_region_changelist": ("NYYYYY", "NYYYYY"),
    "taxonomy_region_delete": ("NNNNNY", "NNNNNY"),
    "taxonomy_region_history": ("NYYYYY", "NYYYYY"),
    "taxonomy_topic_add": ("NNNNNY", "NNNNNY"),
    "taxonomy_topic_change": ("NYYYYY", "NNNNNY"),
    "taxonomy_topic_changelist": ("NYYYYY", "NYYYYY"),
    "taxonomy_topic_delete": ("NNNNNY", "NNNNNY"),
    "taxonomy_topic_history": ("NYYYYY", "NYYYYY"),
    "thinktank/redirect/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "thinktank_redirect_add": ("NNNNNY", "NNNNNY"),
    "thinktank_redirect_change": ("NNNNNY", "NNNNNY"),
    "thinktank_redirect_changelist": ("NNNNNY", "NNNNNY"),
    "thinktank_redirect_delete": ("NNNNNY", "NNNNNY"),
    "thinktank_redirect_history": ("NNNNNY", "NNNNNY"),
    "thinktank_redirect_import": ("NNNNNY", "NNNNNY"),
    "view_on_site": ("NYYYYY", "NYYYYY"),
    "workflow/sharelink/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "workflow/transition/<path:object_id>/": ("NYYYYY", "NYYYYY"),
    "workflow_sharelink_add": ("NNNNNN", "NNNNNN"),
    "workflow_sharelink_change": ("NNYNNY", "NNYNNY"),
    "workflow_sharelink_changelist": ("NNYNNY", "NNYNNY"),
    "workflow_sharelink_delete": ("NNNNNY", "NNNNNY"),
    "workflow_sharelink_history": ("NNYNNY", "NNYNNY"),
    "workflow_transition_add": ("NNNNNN", "NNNNNN"),
    "workflow_transition_change": ("NNYNNY", "NNNNNN"),
    "workflow_transition_changelist": ("NNYNNY", "NNYNNY"),
    "workflow_transition_delete": ("NNNNNN", "NNNNNN"),
    "workflow_transition_history": ("NNYNNY", "NNYNNY"),
}

#: Action → (offered on its page, change-form POST, bulk POST). "-" where the
#: action is not offered in that place at all.
ACTIONS = {
    "history.staletranslation:confirm_still_accurate": ("NYYYNY", "-", "NYYYNY"),
    "history.staletranslation:delete_selected": ("NNNNNN", "-", "NNNNNN"),
    "articles.article:approve": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:archive": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "articles.article:publish": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:publish_ar": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:publish_en": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:redraft": ("NYYNNY", "NYYNNY", "NYYNNY"),
    "articles.article:request_changes": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:schedule": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:share_ar": ("NNYNNY", "NNYNNY", "-"),
    "articles.article:share_en": ("NNYNNY", "NNYNNY", "-"),
    "articles.article:submit": ("NYYNNY", "NYYNNY", "NYYNNY"),
    "articles.article:unschedule": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:withdraw_ar": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:withdraw_en": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.articletype:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "auth.group:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "auth.user:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "experts.expert:delete_selected": ("NNNNYY", "-", "NNNNYY"),
    "taxonomy.region:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "taxonomy.topic:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "thinktank.redirect:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "workflow.sharelink:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "workflow.sharelink:revoke": ("NNYNNY", "NNYNNY", "NNYNNY"),
}

#: The article's state before each transition: status and published languages.
FUTURE = object()
STATE = {
    "submit": (Status.DRAFT, ()),
    "request_changes": (Status.IN_REVIEW, ()),
    "approve": (Status.IN_REVIEW, ()),
    "publish": (Status.APPROVED, ()),
    "schedule": (Status.APPROVED, ()),
    "unschedule": (Status.SCHEDULED, ("en",)),
    "archive": (Status.PUBLISHED, ("en",)),
    "redraft": (Status.CHANGES_REQUESTED, ()),
    "publish_en": (Status.PUBLISHED, ("ar",)),
    "withdraw_en": (Status.PUBLISHED, ("en", "ar")),
    "publish_ar": (Status.PUBLISHED, ("en",)),
    "withdraw_ar": (Status.PUBLISHED, ("en", "ar")),
    "share_en": (Status.DRAFT, ()),
    "share_ar": (Status.DRAFT, ()),
}


def _prepare_article(article, name):
    status, languages = STATE[name]
    article.status = status
    if status in (Status.PUBLISHED, Status.SCHEDULED):
        article.published_at = timezone.now() + (
            timedelta(days=2) if status == Status.SCHEDULED else -timedelta(days=2)
        )
    for code in ("en", "ar"):
        setattr(article, f"available_{code}", code in languages)
    article.save()


def _effect(key, obj):
    """What the action ``key`` changes about ``obj``, measured; compare before and after."""
    _label, name = key.split(":")
    if name == "delete_selected":
        return type(obj)._default_manager.filter(pk=obj.pk).exists()
    if name == "revoke":
        return type(obj)._default_manager.filter(pk=obj.pk, revoked_at=None).exists()
    if name.startswith("share_"):
        return ShareLink.objects.filter(article=obj, language=name[-2:]).count()
    if name in STATE:
        return Transition.objects.filter(article=obj, name=name).count()
    # Any other action: whatever it does to the row (or its removal) shows here.
    return list(type(obj)._base_manager.filter(pk=obj.pk).values())


@pytest.fixture
def people(db):
    found = {ANONYMOUS: None}
    for role in COLUMNS[1:]:
        found[role] = make_user(role)
    return found


def _login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _url_row(client, user, key, route, objects):
    url = url_for(key, route, objects)
    cells = []
    for method in ("get", "post"):
        _login(client, user)
        with transaction.atomic():
            data = {"post": "yes"} if key.endswith("_delete") else {}
            response = getattr(client, method)(url, data)
            cells.append(outcome(response, index_is_refusal="object_id" in route))
            transaction.set_rollback(True)
    return cells


def _action_row(client, user, key, locations, objects):
    label, name = key.split(":")
    obj = objects[label]
    opts = obj._meta
    change_url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
    )
    list_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    cells = []
    for place in ("offered", "form", "bulk"):
        if place == "form" and ActionLocation.CHANGE_FORM not in locations:
            cells.append("-")
            continue
        if place == "bulk" and ActionLocation.CHANGE_LIST not in locations:
            cells.append("-")
            continue
        _login(client, user)
        with transaction.atomic():
            if label == "articles.article" and name in STATE:
                _prepare_article(obj, name)
            before = _effect(key, obj)
            if place == "offered":
                page = (
                    change_url if ActionLocation.CHANGE_FORM in locations else list_url
                )
                cells.append("Y" if name in action_choices(client.get(page)) else "N")
            elif place == "form":
                client.post(
                    change_url,
                    {
                        "CHANGE_FORM-action": name,
                        "_selected_action": obj.pk,
                        "CHANGE_FORM-comment": "A comment.",
                        "CHANGE_FORM-when": when,
                    },
                )
                cells.append("N" if _effect(key, obj) == before else "Y")
            else:
                client.post(
                    list_url,
                    {
                        "action": name,
                        "index": 0,
                        "_selected_action": obj.pk,
                        "post": "yes",
                        "comment": "A comment.",
                        "when": when,
                    },
                )
                cells.append("N" if _effect(key, obj) == before else "Y")
            transaction.set_rollback(True)
    return cells


def test_table_covers_every_url_and_action():
    """The table has a row for every admin URL and action, and no other."""
    assert set(URLS) == set(admin_urls())
    assert set(ACTIONS) == set(admin_actions())


def test_matrix(client, people):
    """Each role gets exactly what the table says, for every URL and action."""
    objects = make_objects(owner=people[CONTRIBUTOR])
    urls, actions = admin_urls(), admin_actions()
    actual_urls = {key: ["", ""] for key in urls}
    actual_actions = {key: ["", "", ""] for key in actions}
    for role in COLUMNS:
        user = people[role]
        for key, route in urls.items():
            for i, cell in enumerate(_url_row(client, user, key, route, objects)):
                actual_urls[key][i] += cell
        for key, locations in actions.items():
            for i, cell in enumerate(
                _action_row(client, user, key, locations, objects)
            ):
                actual_actions[key][i] += cell
    actual_urls = {k: tuple(v) for k, v in actual_urls.items()}
    actual_actions = {
        k: tuple("-" if set(c) == {"-"} else c for c in v)
        for k, v in actual_actions.items()
    }
    report = (
        "\n".join(f"    {k!r}: {v!r}," for k, v in sorted(actual_urls.items()))
        + "\n\n"
        + "\n".join(f"    {k!r}: {v!r}," for k, v in sorted(actual_actions.items()))
    )
    assert actual_urls == URLS, report
    assert actual_actions == ACTIONS, report
