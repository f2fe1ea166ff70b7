import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from workflow.roles import (
    ADMINISTRATOR,
    CONTRIBUTOR,
    EDITOR,
    EXPERT_MANAGER,
    TRANSLATOR,
)

ROLES = [CONTRIBUTOR, EDITOR, TRANSLATOR, EXPERT_MANAGER, ADMINISTRATOR]


def make_user(role, name=None):
    """A staff user in the group ``role`` (the groups exist after migrate)."""
    name = name or role.lower().replace(" ", "_")
    user = get_user_model().objects.create_user(
        name, f"{name}@example.org", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def users(db):
    """One user per role, plus a second contributor."""
    found = {role: make_user(role) for role in ROLES}
    found["other contributor"] = make_user(CONTRIBUTOR, "other_contributor")
    return found


def client_for(client, user):
    client.force_login(user)
    return client
