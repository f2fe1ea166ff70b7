"""The article list's filter by year published: the years from the first to the last, and each year's work."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_changelist")


def local(year, month, day, hour=12):
    return timezone.make_aware(datetime(year, month, day, hour))


def headlines(doc) -> list[str]:
    return [
        " ".join(a.text_content().split())
        for a in doc.xpath("//table[@id='result_list']//tbody//th//a")
    ]


def year_links(doc) -> dict[str, str]:
    """{label: href} of the year filter's choices."""
    (details,) = doc.xpath(
        "//*[@id='changelist-filter']//details[.//a[contains(@href, 'published_at_year')]]"
    )
    return {
        " ".join(a.text_content().split()): a.get("href") for a in details.xpath(".//a")
    }


def test_the_years_run_from_the_first_to_the_last_and_each_lists_its_own(admin_client):
    make_article("Early piece", published_at=local(2021, 3, 1))
    make_article("Late piece", published_at=local(2024, 6, 1))
    # New Year's Eve, late in the site's own time zone: still that year.
    make_article("Eve piece", published_at=local(2022, 12, 31, 23))
    make_article("Undated draft", status=Status.DRAFT, published_at=None)
    doc = parse(admin_client.get(URL))
    links = year_links(doc)
    assert list(links) == ["All", "2024", "2023", "2022", "2021"]
    assert sorted(headlines(doc)) == [
        "Early piece",
        "Eve piece",
        "Late piece",
        "Undated draft",
    ]
    assert headlines(parse(admin_client.get(URL + links["2022"]))) == ["Eve piece"]
    assert headlines(parse(admin_client.get(URL + links["2021"]))) == ["Early piece"]
    assert headlines(parse(admin_client.get(URL + links["2023"]))) == []
    # A value that is not a year filters nothing.
    assert len(headlines(parse(admin_client.get(URL + "?published_at_year=x")))) == 4


def test_an_archive_without_dates_offers_no_year(admin_client):
    make_article("Undated draft", status=Status.DRAFT, published_at=None)
    doc = parse(admin_client.get(URL))
    assert doc.xpath("//a[contains(@href, 'published_at_year')]") == []
    assert headlines(doc) == ["Undated draft"]
