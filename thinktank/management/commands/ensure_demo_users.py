from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from workflow.roles import (
    ADMINISTRATOR,
    CONTRIBUTOR,
    EDITOR,
    EXPERT_MANAGER,
    TRANSLATOR,
    ensure_roles,
)

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
        "Creates the role groups, the demo administrator if no superuser exists and "
        "one demo user per role, and prints the logins. Idempotent."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        groups = ensure_roles()
        username, password = DEMO_ADMIN
        if not User.objects.filter(is_superuser=True).exists():
            admin = User.objects.create_superuser(
                username, f"{username}@example.org", password
            )
            admin.groups.add(groups[ADMINISTRATOR])
            self.stdout.write(
                self.style.SUCCESS(f"Created the administrator {username!r}.")
            )
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
                self.stdout.write(self.style.SUCCESS(f"Created the {role} {login!r}."))
        self.ensure_demo_drafts(User.objects.get(username="contributor"))
        self.stdout.write(
            "Admin: http://127.0.0.1:8000/admin/  "
            f"login {username!r}, password {password!r} (unless you changed it)."
        )
        for login, secret, role in DEMO_ROLE_USERS:
            self.stdout.write(f"  {role}: login {login!r}, password {secret!r}")

    def ensure_demo_drafts(self, contributor):
        """Two pieces of the demo contributor's in the workflow: a draft and one in review."""
        from articles.models import Article, ArticleType, Status
        from workflow.services import perform

        kind = ArticleType.objects.filter(slug="brief-analysis").first()
        if kind is None:
            return
        for slug, title, submit in DEMO_DRAFTS:
            if Article.all_objects.filter(slug_en=slug).exists():
                continue
            article = Article.objects.create(
                type=kind,
                slug_en=slug,
                title_en=title,
                summary_en=DEMO_DRAFT_SUMMARY,
                body_en=DEMO_DRAFT_BODY,
                status=Status.DRAFT,
                created_by=contributor,
                updated_by=contributor,
            )
            if submit:
                perform(article, "submit", contributor)


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
