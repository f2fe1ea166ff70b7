import pytest

from tests.factories import make_article, make_expert
from tests.images import files


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (file deletion, the renditions task) at once."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def expert_with_photo(commit):
    from django.core.files.base import ContentFile

    expert = make_expert("Nadia Farouk", headshot_focus_x=20, headshot_focus_y=30)

    def save():
        expert.headshot.save(
            "nadia.jpg", ContentFile(files.photo((1200, 900), dot=(20, 30))), save=True
        )

    commit(save)
    return expert


@pytest.fixture
def article():
    return make_article("Water and Power in the Jordan Valley")
