from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from articles.models import Article
from articles.views import article_page
from workflow import sharing
from workflow.models import ShareLinkOpening


def _private(response):
    """Never stored by a cache, never indexed."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def preview(request, pk, language):
    """The article as readers would see it in ``language``, published or not (staff only: the admin checks)."""
    article = get_object_or_404(Article.objects.for_detail(), pk=pk)
    with translation.override(language):
        response = article_page(request, article, language, preview=True)
    return _private(response)


@require_GET
def share_link(request, token):
    """``/share/<token>``: one language of one draft, for whoever holds a valid link."""
    link = sharing.link_for_token(token)
    if link is not None:
        ShareLinkOpening.objects.create(link=link, accepted=link.is_valid)
    if link is None or not link.is_valid:
        return _private(render(request, "404.html", status=404))
    article = get_object_or_404(Article.objects.for_detail(), pk=link.article_id)
    with translation.override(link.language):
        response = article_page(request, article, link.language, preview=True)
    return _private(response)
