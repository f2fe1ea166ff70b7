from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_ADMIN = ("admin", "admin")


class Command(BaseCommand):
    help = "Creates the demo administrator if no superuser exists, and prints the admin login."

    def handle(self, *args, **options):
        User = get_user_model()
        username, password = DEMO_ADMIN
        if not User.objects.filter(is_superuser=True).exists():
            User.objects.create_superuser(username, f"{username}@example.org", password)
            self.stdout.write(
                self.style.SUCCESS(f"Created the administrator {username!r}.")
            )
        self.stdout.write(
            "Admin: http://127.0.0.1:8000/admin/  "
            f"login {username!r}, password {password!r} (unless you changed it)."
        )
