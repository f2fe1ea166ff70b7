"""
Every role × every admin URL and action × GET and POST, against a table.

The table's keys must be exactly the admin's registered URLs and actions
(enumerated from ``admin.site``): a new URL or action without a row fails
``test_table_covers_every_url_and_action``. Each URL cell string reads, in
the order of ``COLUMNS``, the exact outcome for each role, one letter of
``OUTCOMES``: "Y" and "R" (served, carried out), "F" (403) and "L" (sent
to log in) for refusals, "I" and "4" where the object or page is not there
for that role. Each URL reaches its work for the administrator
(``test_administrator_reaches_every_url``): a row that answers 404 to
everyone could not tell a permission bug. Actions read "Y" (done, measured
by their effect) or "N".
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
    OUTCOMES,
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
from workflow.services import STEPS

pytestmark = pytest.mark.django_db

#: The column order of every cell: anonymous, Contributor, Editor, Translator, Expert manager, Administrator.
COLUMNS = [ANONYMOUS, CONTRIBUTOR, EDITOR, TRANSLATOR, EXPERT_MANAGER, ADMINISTRATOR]

#: Admin URL → (GET, POST). Object URLs act on the contributor's own draft
#: (articles) or one spare object of the model; the rest on what they need
#: to do their work (``make_objects()``): two revisions to compare, an
#: unpublished change, a record in the trash, a live article to view on site.
URLS = {
    # history (revisions, trash, stale translations)
    "articles_article_compare": ("LYYY4Y", "LYYY4Y"),
    "articles_article_presence": ("LMMMMM", "LNNN4N"),
    "articles_article_discard_pending": ("LFFFFF", "LFRFFR"),
    "articles_article_publish_pending": ("LFFFFF", "LFRFFR"),
    "articles_article_restore": ("LYYF4Y", "LRRF4R"),
    "articles_article_stale_confirm": ("LFFF4F", "LRRR4R"),
    "articles_article_trash": ("LFYFFY", "LFYFFY"),
    "articles_article_untrash": ("LFFFFF", "LFRFFR"),
    "experts_expert_compare": ("LYYYYY", "LYYYYY"),
    "experts_expert_presence": ("LMMMMM", "LFFFNN"),
    "experts_expert_restore": ("LFFFYY", "LFFFRR"),
    "experts_expert_trash": ("LFFFYY", "LFFFYY"),
    "experts_expert_untrash": ("LFFFFF", "LFFFRR"),
    "pages_page_compare": ("LFYFFY", "LFYFFY"),
    "pages_page_presence": ("LMMMMM", "LFNFFN"),
    "pages_page_restore": ("LFYFFY", "LFRFFR"),
    "pages_page_trash": ("LFYFFY", "LFYFFY"),
    "pages_page_untrash": ("LFFFFF", "LFRFFR"),
    "articles/staletranslation/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "articles_staletranslation_add": ("LFFFFF", "LFFFFF"),
    "articles_staletranslation_change": ("LYYYFY", "LFFFFF"),
    "articles_staletranslation_changelist": ("LYYYFY", "LYYYFY"),
    "articles_staletranslation_delete": ("LFFFFF", "LFFFFF"),
    "articles_staletranslation_history": ("LYYYIY", "LYYYIY"),
    "(?P<url>.*)$": ("L44444", "L44444"),
    "app_list": ("LYYY4Y", "LYYY4Y"),
    "articles/article/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "articles/articletype/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "articles_article_add": ("LYYFFY", "LYYFFY"),
    "articles_article_calendar": ("LYYYFY", "LYYYFY"),
    # the calendar's reschedule form; editorial comments (edit and delete: own only)
    "articles_article_reschedule": ("LFRFFR", "LFRFFR"),
    "articles_article_comment_add": ("LRRRFR", "LRRRFR"),
    "articles_article_comment_edit": ("LYFFFF", "LYFFFF"),
    "articles_article_comment_delete": ("LRFFFF", "LRFFFF"),
    "articles_article_change": ("LYYYFY", "LYYYFY"),
    "articles_article_changelist": ("LYYYFY", "LYYYFY"),
    "articles_article_delete": ("LFYFFY", "LFRFFR"),
    "articles_article_history": ("LYYY4Y", "LYYY4Y"),
    "articles_article_preview": ("LYYYFY", "LYYYFY"),
    "articles_articletype_add": ("LFFFFY", "LFFFFY"),
    "articles_articletype_change": ("LYYYFY", "LFFFFY"),
    "articles_articletype_changelist": ("LYYYFY", "LYYYFY"),
    "articles_articletype_delete": ("LFFFFY", "LFFFFR"),
    "articles_articletype_history": ("LYYYFY", "LYYYFY"),
    "auth/group/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "auth/user/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "auth_group_add": ("LFFFFY", "LFFFFY"),
    "auth_group_change": ("LFFFFY", "LFFFFY"),
    "auth_group_changelist": ("LFFFFY", "LFFFFY"),
    "auth_group_delete": ("LFFFFY", "LFFFFR"),
    "auth_group_history": ("LFFFFY", "LFFFFY"),
    "auth_user_add": ("LFFFFY", "LFFFFY"),
    "auth_user_change": ("LFFFFY", "LFFFFY"),
    "auth_user_changelist": ("LFFFFY", "LFFFFY"),
    "auth_user_delete": ("LFFFFY", "LFFFFR"),
    "auth_user_history": ("LFFFFY", "LFFFFY"),
    "auth_user_password_change": ("LFFFFY", "LFFFFY"),
    "autocomplete": ("LYYYYY", "LMMMMM"),
    "experts/expert/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "experts_expert_add": ("LFFFYY", "LFFFYY"),
    "experts_expert_change": ("LYYYYY", "LFFFYY"),
    "experts_expert_changelist": ("LYYYYY", "LYYYYY"),
    "experts_expert_delete": ("LFFFYY", "LFFFRR"),
    "experts_expert_history": ("LYYYYY", "LYYYYY"),
    "index": ("LYYYYY", "LYYYYY"),
    "jsi18n": ("LYYYYY", "LMMMMM"),
    "login": ("YIIIII", "YYYYYY"),
    "logout": ("IMMMMM", "IYYYYY"),
    "password_change": ("LYYYYY", "LYYYYY"),
    "password_change_done": ("LYYYYY", "LMMMMM"),
    "taxonomy/region/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "taxonomy/topic/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "taxonomy_region_add": ("LFFFFY", "LFFFFY"),
    "taxonomy_region_change": ("LYYYYY", "LFFFFY"),
    "taxonomy_region_changelist": ("LYYYYY", "LYYYYY"),
    "taxonomy_region_delete": ("LFFFFY", "LFFFFR"),
    "taxonomy_region_history": ("LYYYYY", "LYYYYY"),
    "taxonomy_topic_add": ("LFFFFY", "LFFFFY"),
    "taxonomy_topic_change": ("LYYYYY", "LFFFFY"),
    "taxonomy_topic_changelist": ("LYYYYY", "LYYYYY"),
    "taxonomy_topic_delete": ("LFFFFY", "LFFFFR"),
    "taxonomy_topic_history": ("LYYYYY", "LYYYYY"),
    # the institute's pages: editors manage them
    "pages/page/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "pages_page_add": ("LFYFFY", "LFYFFY"),
    "pages_page_change": ("LFYFFY", "LFYFFY"),
    "pages_page_changelist": ("LFYFFY", "LFYFFY"),
    "pages_page_delete": ("LFYFFY", "LFRFFR"),
    "pages_page_history": ("LFYFFY", "LFYFFY"),
    # keys of the read API: editors issue and revoke them, administrators delete
    "api/apikey/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "api_apikey_add": ("LFYFFY", "LFYFFY"),
    "api_apikey_change": ("LFYFFY", "LFYFFY"),
    "api_apikey_changelist": ("LFYFFY", "LFYFFY"),
    "api_apikey_delete": ("LFFFFY", "LFFFFR"),
    "api_apikey_history": ("LFYFFY", "LFYFFY"),
    # newsletter subscribers (personal data): administrators only
    "newsletter/subscriber/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "newsletter_subscriber_add": ("LFFFFY", "LFFFFY"),
    "newsletter_subscriber_change": ("LFFFFY", "LFFFFY"),
    "newsletter_subscriber_changelist": ("LFFFFY", "LFFFFY"),
    "newsletter_subscriber_delete": ("LFFFFY", "LFFFFR"),
    "newsletter_subscriber_history": ("LFFFFY", "LFFFFY"),
    # the task queue (django-tasks-db): administrators read it; nobody writes to it
    "django_tasks_database/dbtaskresult/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "django_tasks_database_dbtaskresult_add": ("LFFFFF", "LFFFFF"),
    "django_tasks_database_dbtaskresult_change": ("LFFFFY", "LFFFFF"),
    "django_tasks_database_dbtaskresult_changelist": ("LFFFFY", "LFFFFY"),
    "django_tasks_database_dbtaskresult_delete": ("LFFFFF", "LFFFFF"),
    "django_tasks_database_dbtaskresult_history": ("LFFFFY", "LFFFFY"),
    # staff's authenticator apps (django-otp): administrators enrol them
    "otp_totp/totpdevice/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "otp_totp_totpdevice_add": ("LFFFFY", "LFFFFY"),
    "otp_totp_totpdevice_change": ("LFFFFY", "LFFFFY"),
    "otp_totp_totpdevice_changelist": ("LFFFFY", "LFFFFY"),
    "otp_totp_totpdevice_config": ("LFFFFY", "LFFFFY"),
    "otp_totp_totpdevice_delete": ("LFFFFY", "LFFFFR"),
    "otp_totp_totpdevice_history": ("LFFFFY", "LFFFFY"),
    "otp_totp_totpdevice_qrcode": ("LFFFFY", "LFFFFY"),
    # the media library: article roles choose and upload; editors rework and delete
    "library/document/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "library/image/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "library_document_add": ("LYYFFY", "LYYFFY"),
    "library_document_change": ("LYYYFY", "LFYYFY"),
    "library_document_changelist": ("LYYYFY", "LYYYFY"),
    "library_document_delete": ("LFYFFY", "LFRFFR"),
    "library_document_history": ("LYYYFY", "LYYYFY"),
    "library_image_add": ("LYYFYY", "LYYFYY"),
    "library_image_change": ("LYYYYY", "LFYYYY"),
    "library_image_changelist": ("LYYYYY", "LYYYYY"),
    "library_image_delete": ("LFYFFY", "LFRFFR"),
    "library_image_history": ("LYYYYY", "LYYYYY"),
    # choosers, bulk upload and the editor's link chooser
    "library_document_chooser": ("LYYYFY", "LYYYFY"),
    "library_image_bulk_upload": ("LYYFYY", "LYYFYY"),
    "library_image_chooser": ("LYYYYY", "LYYYYY"),
    "richtext_choices": ("LYYYYY", "LYYYYY"),
    # autosave: GET is refused (405); a POST without the change form's data is
    # a bad request for whoever may change the record, refused for the rest
    "articles_article_autosave": ("LMMMMM", "LBBB4B"),
    "experts_expert_autosave": ("LMMMMM", "LFFFBB"),
    "pages_page_autosave": ("LMMMMM", "LFBFFB"),
    "core/redirect/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "core_redirect_add": ("LFYFFY", "LFYFFY"),
    "core_redirect_change": ("LFYFFY", "LFYFFY"),
    "core_redirect_changelist": ("LFYFFY", "LFYFFY"),
    "core_redirect_delete": ("LFYFFY", "LFRFFR"),
    "core_redirect_history": ("LFYFFY", "LFYFFY"),
    "core_redirect_import": ("LFYFFY", "LFYFFY"),
    "core/notfound/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    # content import and export (exchange): administrators import, editors
    # export (their list is the export page); an upload's history is its uploader's
    "exchange/importbatch/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "exchange_importbatch_add": ("LFFFFY", "LFFFFY"),
    "exchange_importbatch_change": ("LFFFFY", "LFFFFF"),
    "exchange_importbatch_changelist": ("LFYFFY", "LFYFFY"),
    "exchange_importbatch_delete": ("LFFFFY", "LFFFFR"),
    "exchange_importbatch_export": ("LFYFFY", "LFYFFY"),
    "exchange_importbatch_history": ("LIIIIY", "LIIIIY"),
    "exchange_importbatch_review": ("LFFFFY", "LFFFFR"),
    "core_notfound_add": ("LFFFFF", "LFFFFF"),
    "core_notfound_change": ("LFYFFY", "LFFFFF"),
    "core_notfound_changelist": ("LFYFFY", "LFYFFY"),
    "core_notfound_delete": ("LFYFFY", "LFRFFR"),
    "core_notfound_history": ("LFYFFY", "LFYFFY"),
    "view_on_site": ("LRRR4R", "LRRR4R"),
    "workflow/sharelink/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "workflow/transition/<path:object_id>/": ("LRRRRR", "LRRRRR"),
    "workflow_sharelink_add": ("LFFFFF", "LFFFFF"),
    "workflow_sharelink_change": ("LFYFFY", "LFRFFR"),
    "workflow_sharelink_changelist": ("LFYFFY", "LFYFFY"),
    "workflow_sharelink_delete": ("LFFFFY", "LFFFFR"),
    "workflow_sharelink_history": ("LFYFFY", "LFYFFY"),
    "workflow_transition_add": ("LFFFFF", "LFFFFF"),
    "workflow_transition_change": ("LFYFFY", "LFFFFF"),
    "workflow_transition_changelist": ("LFYFFY", "LFYFFY"),
    "workflow_transition_delete": ("LFFFFF", "LFFFFF"),
    "workflow_transition_history": ("LFYFFY", "LFYFFY"),
}

#: The rows that answer 404 to the administrator too, and why.
NOT_FOUND_BY_DESIGN = {
    "(?P<url>.*)$": "the admin's answer to an address it does not serve",
}

#: Action → (offered on its page, change-form POST, bulk POST). "-" where the
#: action is not offered in that place at all.
ACTIONS = {
    "articles.staletranslation:confirm_still_accurate": ("NYYYNY", "-", "NYYYNY"),
    "articles.staletranslation:delete_selected": ("NNNNNN", "-", "NNNNNN"),
    "articles.article:approve": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:archive": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "articles.article:publish": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:publish_ar": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:publish_en": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:redraft": ("NYYNNY", "NYYNNY", "NYYNNY"),
    "articles.article:request_changes": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:schedule": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:reschedule": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:schedule_unpublish": ("NNYNNY", "NNYNNY", "NNYNNY"),
    "articles.article:cancel_unpublish": ("NNYNNY", "NNYNNY", "NNYNNY"),
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
    "library.document:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "library.image:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "core.redirect:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "core.notfound:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "exchange.importbatch:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "django_tasks_database.dbtaskresult:delete_selected": ("NNNNNN", "-", "NNNNNN"),
    "otp_totp.totpdevice:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "workflow.sharelink:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "pages.page:delete_selected": ("NNYNNY", "-", "NNYNNY"),
    "newsletter.subscriber:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "api.apikey:delete_selected": ("NNNNNY", "-", "NNNNNY"),
    "api.apikey:revoke": ("NNYNNY", "-", "NNYNNY"),
    # A download that changes no row: "N" everywhere it is posted
    # (tests/newsletter/test_newsletter.py reads the file it sends).
    "newsletter.subscriber:export_csv": ("NNNNNY", "-", "NNNNNN"),
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
    "reschedule": (Status.SCHEDULED, ("en",)),
    "schedule_unpublish": (Status.PUBLISHED, ("en",)),
    "cancel_unpublish": (Status.PUBLISHED, ("en",)),
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
    article.unpublish_at = (
        timezone.now() + timedelta(days=5) if name == "cancel_unpublish" else None
    )
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
            cells.append(outcome(response))
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
    # The date goes with the buttons that read one, as an editor fills it
    # (a button that reads none refuses a date: tests/workflow/test_shared_date.py).
    step = STEPS.get(name) if label == "articles.article" else None
    when = (
        (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
        if step is not None and step.takes_date
        else ""
    )
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


def test_administrator_reaches_every_url():
    """
    Defect 18: every URL row reaches its work for the administrator (no 404),
    so that the other roles' refusals are refusals, not missing data.
    """
    administrator = COLUMNS.index(ADMINISTRATOR)
    not_found = {
        key
        for key, cells in URLS.items()
        if any(c[administrator] == "4" for c in cells)
    }
    assert not_found == set(NOT_FOUND_BY_DESIGN)
    letters = {letter for cells in URLS.values() for cell in cells for letter in cell}
    assert letters <= set(OUTCOMES)


def test_matrix(client, people):
    """
    Defect 18: each role gets exactly the outcome the table says, for every
    URL and action.
    """
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
