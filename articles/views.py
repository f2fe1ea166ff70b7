from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from articles.forms import ArticleFilterForm
from articles.models import Article
from articles.selectors import path_term, recommended_articles
from thinktank.i18n import same_page_in_every_language
from thinktank.listing import paginate


@require_GET
def article_list(request):
    lang = request.LANGUAGE_CODE
    form = ArticleFilterForm(request.GET)
    articles = form.apply(Article.objects.live(lang)).newest_first().for_listing()
    return render(
        request,
        "articles/article_list.html",
        {
            "form": form,
            "page_obj": paginate(request, articles),
            "alternates": same_page_in_every_language(request),
        },
    )


@require_GET
def policy_analysis(request, slug):
    """
    ``/policy-analysis/<slug>``: an article, or else a topic or region landing.

    Articles, topics and regions share this URL space (a slug belongs to one of them).
    """
    lang = request.LANGUAGE_CODE
    article = Article.objects.live(lang).by_slug(slug, lang).for_detail().first()
    if article is not None:
        return render(
            request,
            "articles/article_detail.html",
            {
                "article": article,
                "recommended": recommended_articles(article, language_code=lang),
                "alternates": {
                    code: article.url_in(code) for code in article.languages
                },
            },
        )
    term = path_term(slug)
    if term is None:
        raise Http404
    try:
        from taxonomy.views import term_landing
    except ImportError:
        raise Http404 from None
    return term_landing(request, term)


@require_GET
def legacy_policy_analysis(request, slug):
    """``/policy-analysis/view/<slug>``, the old address, moved permanently."""
    lang = request.LANGUAGE_CODE
    target = Article.objects.live(lang).by_slug(slug, lang).first() or path_term(slug)
    if target is None:
        raise Http404
    return redirect(target.get_absolute_url(), permanent=True)
