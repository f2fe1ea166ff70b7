from django.shortcuts import render

from articles.models import Article
from core.pager import paginate
from experts.models import Expert
from taxonomy.models import Region
from thinktank.i18n import same_page_in_every_language
from thinktank.listing import ListFilterForm, canonical_query, fill_children


def term_landing(request, term):
    """The landing page of a Topic or Region at /policy-analysis/<slug>.

    Called by ``articles.views.policy_analysis``, which owns the shared URL space.
    """
    lang = request.LANGUAGE_CODE
    is_region = isinstance(term, Region)
    filters = ListFilterForm(request.GET)
    # The children, for the article filter, the expert filter and the page,
    # from the filter's own read of every term.
    fill_children(term, filters.terms["region" if is_region else "topic"])
    articles = Article.objects.live(lang)
    articles = articles.in_region(term) if is_region else articles.in_topic(term)
    experts = Expert.objects.with_profile().for_language(lang).current()
    page_obj = paginate(request, filters.apply(articles).newest_first().for_listing())
    query = canonical_query(filters, page_obj)
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
            "alternates": same_page_in_every_language(request, query=query),
        },
    )
