from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from articles.models import Article, ArticleType, Status
from core.i18n import localized
from workflow.roles import (
    ADMINISTRATOR,
    CONTRIBUTOR,
    EDITOR,
    EXPERT_MANAGER,
    TRANSLATOR,
    ensure_roles,
)
from workflow.services import perform

DEMO_ADMIN = ("admin", "admin")

#: (login, password, role): one demo user per editorial role (docs/workflow.md).
DEMO_ROLE_USERS = [
    ("editor", "editor", EDITOR),
    ("contributor", "contributor", CONTRIBUTOR),
    ("translator", "translator", TRANSLATOR),
    ("experts", "experts", EXPERT_MANAGER),
]


class Command(BaseCommand):
    help = (
        "Creates the role groups, the demo administrator if no superuser exists, "
        "one demo user per role and two drafts, and prints the logins in one "
        "line. Idempotent; sends no email."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        groups = ensure_roles()
        username, password = DEMO_ADMIN
        users = 0
        if not User.objects.filter(is_superuser=True).exists():
            admin = User.objects.create_superuser(
                username, f"{username}@example.org", password
            )
            admin.groups.add(groups[ADMINISTRATOR])
            users += 1
        for login, secret, role in DEMO_ROLE_USERS:
            user, created = User.objects.get_or_create(
                username=login,
                defaults={
                    "email": f"{login}@example.org",
                    "is_staff": True,
                    "first_name": login.capitalize(),
                },
            )
            if created:
                user.set_password(secret)
                user.save()
                user.groups.add(groups[role])
                users += 1
        drafts = self.ensure_demo_drafts(User.objects.get(username="contributor"))
        if users or drafts:
            done = f"Created {users} users and {drafts} drafts."
        else:
            done = "Created nothing (the demo users and drafts exist)."
        logins = "; ".join(
            [
                (
                    f"{ADMINISTRATOR}: login {username!r}, password {password!r} "
                    "(unless you changed it)"
                ),
                *(
                    f"{role}: login {login!r}, password {secret!r}"
                    for login, secret, role in DEMO_ROLE_USERS
                ),
            ]
        )
        self.stdout.write(f"{done} Log in at http://127.0.0.1:8000/admin/ as {logins}.")

    def ensure_demo_drafts(self, contributor):
        """
        Two pieces of the demo contributor's in the workflow: a draft and one in
        review. Returns how many were created.
        """
        kind = ArticleType.objects.filter(slug="brief-analysis").first()
        if kind is None:
            return 0
        created = 0
        for slug, title, submit in DEMO_DRAFTS:
            if Article.all_objects.by_slug(slug, "en").exists():
                continue
            article = Article.objects.create(
                type=kind,
                **{
                    localized(name, "en"): value
                    for name, value in (
                        ("slug", slug),
                        ("title", title),
                        ("summary", DEMO_DRAFT_SUMMARY),
                        ("body", DEMO_DRAFT_BODY),
                    )
                },
                status=Status.DRAFT,
                created_by=contributor,
                updated_by=contributor,
            )
            created += 1
            if submit:
                # Seed content: the editors need no email about it.
                perform(article, "submit", contributor, notify=False)
        return created


#: (slug, title, submitted for review?): the demo contributor's work in progress.
DEMO_DRAFTS = [
    (
        "water-sharing-on-the-upper-euphrates",
        "Water Sharing on the Upper Euphrates After a Dry Decade",
        False,
    ),
    (
        "port-concessions-in-the-eastern-mediterranean",
        "Who Runs the Ports? Concessions in the Eastern Mediterranean",
        True,
    ),
]
DEMO_DRAFT_SUMMARY = (
    "A working draft by the demo contributor: it shows the editorial workflow "
    "and is not published."
)
DEMO_DRAFT_BODY = (
    "<p>This piece is a demonstration draft. Open it as the editor to request "
    "changes, approve, schedule or publish it, or preview it in each language.</p>"
)
