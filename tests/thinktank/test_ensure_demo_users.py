"""``ensure_demo_users``: one login per role and two pieces in the workflow, made once."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Status
from thinktank.management.commands.ensure_demo_users import DEMO_ROLE_USERS
from workflow.models import Transition

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("ensure_demo_users", stdout=out)
    return out.getvalue()


def test_each_role_can_log_in_and_reruns_change_nothing(client, settings):
    output = run()
    run()
    User = get_user_model()
    assert User.objects.filter(is_superuser=True).count() == 1
    for login, password, role in DEMO_ROLE_USERS:
        user = User.objects.get(username=login)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert f"login {login!r}, password {password!r}" in output
        client.logout()
        signed_in = client.post(
            reverse("admin:login"),
            {"username": login, "password": password, "next": reverse("admin:index")},
        )
        assert signed_in.status_code == 302, login
        assert client.get(reverse("admin:index")).status_code == 200
    drafts = Article.objects.filter(created_by__username="contributor")
    assert sorted(drafts.values_list("status", flat=True)) == [
        Status.DRAFT,
        Status.IN_REVIEW,
    ]
    assert Transition.objects.filter(name="submit").count() == 1
    assert not Article.objects.published().filter(pk__in=drafts).exists()


def test_output_is_one_summary_line_and_no_mail_is_sent(settings):
    """Defect 21: the demo set-up says what it did in one line and emails nobody."""
    first = run()
    assert len(first.splitlines()) == 1, first
    assert "Created 5 users and 2 drafts" in first
    assert mail.outbox == []
    assert Transition.objects.filter(name="submit").count() == 1

    again = run()
    assert len(again.splitlines()) == 1, again
    assert "Created nothing" in again
    assert mail.outbox == []
