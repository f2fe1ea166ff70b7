import pytest

from articles.models import Article
from tests.factories import make_article


@pytest.mark.django_db
def test_make_article_builds_a_live_bilingual_article():
    """The factory's defaults give an article a reader can see in both languages."""
    article = make_article(authors=2, topics=1, regions=1, languages=("en", "ar"))
    assert article.slug_en and article.slug_ar
    assert list(Article.objects.live("ar")) == [article]
    assert [a.expert for a in article.byline()] == list(
        article.authors.order_by("authorships__order")
    )
