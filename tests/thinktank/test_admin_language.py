import pytest

from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "lang", "direction", "label"),
    [
        ("/admin/articles/article/add/", "en", "ltr", "Save"),
        ("/ar/admin/articles/article/add/", "ar", "rtl", "احفظ"),
    ],
)
def test_the_admin_speaks_the_editors_language(
    admin_client, url, lang, direction, label
):
    """Editors pick English at /admin/ or Arabic, right to left, at /ar/admin/."""
    response = admin_client.get(url)
    assert response.status_code == 200
    page = parse(response)
    html = page.xpath("/html")[0]
    assert (html.get("lang"), html.get("dir")) == (lang, direction)
    assert label in page.xpath("//input[@type='submit']/@value")
