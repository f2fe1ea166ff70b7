"""
Search on the demo content, the examples readers met: the same answers on
PostgreSQL and SQLite.
"""

import pytest

from tests.demo.helpers import import_demo
from tests.html import by_class, get_page, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    import_demo(settings)


def titles(client, url):
    return [
        text(a) for a in get_page(client, url).xpath(f"{by_class('card__title')}//a")
    ]


def test_sanctions_ranks_the_pieces_about_sanctions_first(client, demo):
    found = titles(client, "/search?q=sanctions")
    assert len(found) == 9
    assert set(found[:2]) == {
        "Sanctions Enforcement and Iranian Oil Exports",
        "Sanctions Relief Without Illusions",
    }


def test_iran_with_or_without_hamza_finds_the_same(client, demo):
    hamza = titles(client, "/ar/search?q=إيران")
    assert len(hamza) == 4
    assert titles(client, "/ar/search?q=ايران") == hamza
    both = titles(client, "/ar/search?q=ايران عقوبات")
    assert both == ["قراءة في إشارات التخصيب الإيرانية"]
