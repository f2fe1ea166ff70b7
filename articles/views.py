from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_safe

from articles.citations import FORMATS, citation_for
from articles.forms import ArticleFilterForm
from articles.landings import term_landing
from articles.models import Article
from articles.search import SearchForm, is_capped, ranked_ids, search_results
from articles.search_suggest import suggest
from articles.selectors import (
    article_by_any_slug,
    article_for_page,
    path_term,
    recommended_articles,
    with_bylines,
)
from core.i18n import localized, same_page_in_every_language
from core.listing import canonical_query, paginate as paginate_counted
from core.pager import paginate


@require_safe
def article_list(request):
    lang = request.LANGUAGE_CODE
    form = ArticleFilterForm(request.GET)
    articles = form.apply(Article.objects.live(lang)).newest_first().for_listing()
    page_obj = paginate(request, articles)
    query = canonical_query(form, page_obj)
    return render(
        request,
        "articles/article_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "canonical_query": query,
            "alternates": same_page_in_every_language(request, query=query),
        },
    )


@require_safe
def policy_analysis(request, slug):
    """
    ``/policy-analysis/<slug>``: an article, or else a topic or region landing.

    Articles, topics and regions share this URL space (a slug belongs to one of them).
    A slug of the article in another language leads to its address in this
    one (301) when it is published here; otherwise the 404 page links to the
    versions that are.
    """
    lang = request.LANGUAGE_CODE
    article = article_for_page(slug, lang)
    if article is not None:
        return article_page(request, article, lang)
    term = path_term(slug)
    if term is not None:
        return term_landing(request, term)
    article = article_by_any_slug(slug)
    if article is None:
        raise Http404
    if lang in article.live_languages():
        return redirect(article.url_in(lang), permanent=True)
    return not_found_elsewhere(request, article)


def not_found_elsewhere(request, article):
    """The 404 page, with links to the versions of ``article`` readers can see."""
    versions = [
        {
            "code": code,
            "url": article.url_in(code),
            "title": getattr(article, localized("title", code)),
            "bidi": get_language_info(code)["bidi"],
            "language": get_language_info(code)["name_local"],
        }
        for code in article.live_languages()
    ]
    return render(request, "404.html", {"versions": versions}, status=404)


def article_page(request, article, language_code, *, preview=False):
    """
    The article page. The public view passes a live article; the staff preview
    and share links (workflow.views) pass one from ``Article.objects.for_detail()``
    with ``preview=True``: no links to other versions, no citation, noindex.
    """
    if not hasattr(article, "rail"):
        article.rail = recommended_articles(article, language_code=language_code)
        with_bylines([article, *article.rail])
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "recommended": article.rail,
            "alternates": {}
            if preview
            else {code: article.url_in(code) for code in article.live_languages()},
            "canonical_elsewhere": bool(article.original_url),
            "preview": preview,
        },
    )


@require_safe
def legacy_policy_analysis(request, slug):
    """``/policy-analysis/view/<slug>``, the old address, moved permanently."""
    lang = request.LANGUAGE_CODE
    target = Article.objects.live(lang).by_slug(slug, lang).first() or path_term(slug)
    if target is None:
        raise Http404
    return redirect(target.get_absolute_url(), permanent=True)


@require_safe
def search(request):
    """``/search?q=…``: live work in this language matching the query and filters."""
    lang = request.LANGUAGE_CODE
    form = SearchForm(request.GET)
    live = form.apply(Article.objects.live(lang))
    # The ranked matches' ids (at most RANKED: the page says how many), then
    # this page's rows and snippets only.
    page_obj = paginate_counted(
        request, ranked_ids(form.query, language_code=lang, articles=live)
    )
    page_obj.object_list = search_results(
        page_obj.object_list, form.query, language_code=lang
    )
    suggestion = None
    if form.query and not page_obj.paginator.count:
        suggestion = suggest(form.query, language_code=lang, articles=live)
    query = canonical_query(form, page_obj)
    return render(
        request,
        "articles/search.html",
        {
            "form": form,
            "query": form.query,
            "page_obj": page_obj,
            "capped": bool(form.query) and is_capped(page_obj.paginator.count),
            "suggestion": suggestion,
            "suggestion_query": suggestion and _asking(request, suggestion),
            "canonical_query": query,
            "alternates": same_page_in_every_language(request, query=query),
        },
    )


def _asking(request, text: str) -> str:
    """``?…``: this search's query string (filters kept) asking for ``text``, on its first page."""
    params = request.GET.copy()
    params["q"] = text
    params.pop("page", None)
    return f"?{params.urlencode()}"


@require_safe
def article_pdf(request, slug):
    """
    ``/policy-analysis/<slug>/pdf``: the report's current PDF.

    The stable address to link and cite: it leads to whichever file is stored
    now, so replacing the PDF never breaks a link.
    """
    lang = request.LANGUAGE_CODE
    article = (
        Article.objects.live(lang)
        .by_slug(slug, lang)
        .filter(pdf__isnull=False)
        .select_related("pdf")
        .only("pdf__file")
        .first()
    )
    if article is None:
        raise Http404
    return redirect(article.pdf.url)


@require_safe
def article_citation(request, slug, fmt):
    """``/policy-analysis/<slug>/cite.bib`` and ``.ris``: the article's citation, as a download."""
    if fmt not in FORMATS:
        raise Http404
    lang = request.LANGUAGE_CODE
    qs = Article.objects.live(lang).by_slug(slug, lang).for_listing()
    article = get_object_or_404(qs)
    render_format, content_type = FORMATS[fmt]
    response = HttpResponse(
        render_format(citation_for(article, language_code=lang)),
        content_type=content_type,
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}.{fmt}"'
    return response
