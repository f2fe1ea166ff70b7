"""
The pages that list a topic's, a region's or an expert's analysis: the
landings of /policy-analysis/<topic or region> and the expert pages.
"""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_safe

from articles.forms import ListFilterForm
from articles.models import Article, ArticleType
from core.i18n import language_codes, same_page_in_every_language
from core.listing import alternates, canonical_query
from core.pager import paginate
from core.rows import fill_prefetched
from experts.models import Expert
from taxonomy.models import Region


def term_landing(request, term):
    """The landing page of a Topic or Region at /policy-analysis/<slug>.

    Called by ``articles.views.policy_analysis``, which owns the shared URL space.
    """
    lang = request.LANGUAGE_CODE
    is_region = isinstance(term, Region)
    filters = ListFilterForm(request.GET)
    # The children, for the article filter, the expert filter and the page,
    # from the filter's own read of every term.
    tree = filters.trees["region" if is_region else "topic"]
    fill_prefetched(term, "children", tree.children(term.pk))

    def on_term(code):
        live = Article.objects.live(code)
        return live.in_region(term) if is_region else live.in_topic(term)

    experts = Expert.objects.live(lang).current()
    page_obj = paginate(
        request, filters.apply(on_term(lang)).newest_first().for_listing()
    )
    query = canonical_query(filters, page_obj)
    languages = same_page_in_every_language(request, query=query)
    # An empty landing points to the languages that have analysis on it:
    # one query per other language, on empty landings only.
    elsewhere = []
    if not page_obj.object_list and not filters.active:
        elsewhere = [
            {"code": code, "url": languages[code], "name": get_language_info(code)}
            for code in language_codes()
            if code != lang and on_term(code).exists()
        ]
    return render(
        request,
        "taxonomy/term_detail.html",
        {
            "term": term,
            "is_region": is_region,
            "parent": term.parent,
            "children": term.children.all(),
            "filters": filters,
            "page_obj": page_obj,
            "experts": experts.with_expertise_in(term).for_directory(),
            "canonical_query": query,
            "alternates": languages,
            "elsewhere": elsewhere,
        },
    )


@require_safe
def expert_detail(request, slug):
    lang = request.LANGUAGE_CODE
    experts = Expert.objects.live(lang).for_profile()
    expert = get_object_or_404(experts, slug=slug)
    articles = Article.objects.live(lang).by_expert(expert)
    # A semi-join over the expert's work, not a join of every type with it and DISTINCT.
    types = ArticleType.objects.filter(pk__in=articles.values("type_id"))
    filters = ListFilterForm(request.GET, fields=("type",), types=types)
    page_obj = paginate(request, filters.apply(articles).newest_first().for_listing())
    languages = [code for code in language_codes() if expert.has_page_in(code)]
    query = canonical_query(filters, page_obj)
    return render(
        request,
        "experts/expert_detail.html",
        {
            "expert": expert,
            "page_obj": page_obj,
            "filters": filters,
            "canonical_query": query,
            "alternates": alternates(
                "experts:detail", [slug], languages=languages, query=query
            ),
        },
    )
