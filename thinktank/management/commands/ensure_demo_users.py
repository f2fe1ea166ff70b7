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
        self.stdout.write(
            "Admin: http://127.0.0.1:8000/admin/  "
            f"login {username!r}, password {password!r} (unless you changed it)."
        )
        for login, secret, role in DEMO_ROLE_USERS:
            self.stdout.write(f"  {role}: login {login!r}, password {secret!r}")
