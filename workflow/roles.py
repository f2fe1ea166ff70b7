"""
The editorial roles, as groups with their permissions (docs/workflow.md).

``ensure_roles()`` is idempotent: it runs after every ``migrate`` and sets each
group's permissions to exactly the ones listed here. Checks in code go through
the permissions (``user.has_perm``), never group names, so that a superuser or
a custom group works too.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
TRANSLATOR = "Translator"
EXPERT_MANAGER = "Expert manager"
ADMINISTRATOR = "Administrator"

ROLE_LABELS = {
    CONTRIBUTOR: _("Contributor"),
    EDITOR: _("Editor"),
    TRANSLATOR: _("Translator"),
    EXPERT_MANAGER: _("Expert manager"),
    ADMINISTRATOR: _("Administrator"),
}

#: Lookup helpers for the terms an article is filed under: every article role may see them.
_READ_TERMS = [
    "taxonomy.view_topic",
    "taxonomy.view_region",
    "experts.view_expert",
    "articles.view_articletype",
]
#: The media library: whoever sets a lead image, headshot or report PDF may
#: choose one and upload one; editors also rework and delete unused ones.
_USE_LIBRARY = [
    f"library.{verb}_{model}"
    for verb in ("view", "add")
    for model in ("image", "document")
]
_MANAGE_LIBRARY = [
    f"library.{verb}_{model}"
    for verb in ("view", "add", "change", "delete")
    for model in ("image", "document")
]
_ARTICLE_RELATIONS = [
    f"articles.{verb}_{model}"
    for verb in ("view", "add", "change", "delete")
    for model in ("authorship", "recommendation")
]

#: Redirects and the 404 log they are made from.
_REDIRECTS = [
    *(f"core.{verb}_redirect" for verb in ("view", "add", "change", "delete")),
    "core.view_notfound",
    "core.delete_notfound",
]

ROLES = {
    CONTRIBUTOR: [
        *_READ_TERMS,
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        *_ARTICLE_RELATIONS,
        *_USE_LIBRARY,
        "workflow.submit_article",
    ],
    EDITOR: [
        *_READ_TERMS,
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        *_ARTICLE_RELATIONS,
        *_MANAGE_LIBRARY,
        "workflow.submit_article",
        "workflow.review_article",
        "workflow.publish_article",
        "workflow.edit_any_article",
        "workflow.view_transition",
        "workflow.view_sharelink",
        "workflow.add_sharelink",
        "workflow.change_sharelink",
        # The institute's pages (About, Contact…); subscribers stay the
        # administrators' (personal data).
        "pages.view_page",
        "pages.add_page",
        "pages.change_page",
        "pages.delete_page",
        *_REDIRECTS,
        "exchange.export_content",
        # Keys of the read API (api): issued and revoked, not deleted.
        "api.view_apikey",
        "api.add_apikey",
        "api.change_apikey",
    ],
    TRANSLATOR: [
        *_READ_TERMS,
        "articles.view_article",
        "articles.change_article",
        "articles.view_authorship",
        "articles.view_recommendation",
        # Alt texts, captions, credits and document titles have an Arabic side.
        "library.view_image",
        "library.change_image",
        "library.view_document",
        "library.change_document",
        "workflow.translate_article",
    ],
    EXPERT_MANAGER: [
        "experts.view_expert",
        "experts.add_expert",
        "experts.change_expert",
        "experts.delete_expert",
        "library.view_image",
        "library.add_image",
        "library.change_image",
        "taxonomy.view_topic",
        "taxonomy.view_region",
    ],
    # Administrator: every permission (filled in by ensure_roles).
    ADMINISTRATOR: None,
}


def _permissions(names):
    wanted = {tuple(name.split(".", 1)) for name in names}
    perms = Permission.objects.filter(
        content_type__app_label__in={app for app, _codename in wanted}
    ).select_related("content_type")
    found = [
        perm for perm in perms if (perm.content_type.app_label, perm.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Unknown permissions: {sorted(missing)}")
    return found


def ensure_roles():
    """Create or update the role groups; returns them by name."""
    groups = {}
    for name, perms in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.all() if perms is None else _permissions(perms)
        )
        groups[name] = group
    return groups


def ensure_roles_after_migrate(sender, using="default", plan=None, **kwargs):
    """
    ``post_migrate`` receiver: the groups exist in every migrated database.

    Only after ``migrate`` (which passes its ``plan``), not after ``flush``: a
    flushed test database gets its rows back from the serialized copy, and
    groups made here first would clash with them.
    """
    if plan is None:
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # Apps listed after this one get their permissions after this receiver:
    # make them now so that the Administrator role has every one.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    ensure_roles()
