from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import Article, ArticleType
from core.pager import paginate
from experts.models import Expert
from thinktank.i18n import language_codes, same_page_in_every_language
from thinktank.listing import ListFilterForm, alternates, canonical_query

#: Experts per page of the directory (a multiple of the grid's 2, 3 and 4 columns).
DIRECTORY_PAGE_SIZE = 48


@require_safe
def expert_list(request):
    lang = request.LANGUAGE_CODE
    filters = ListFilterForm(request.GET, fields=("topic", "region"))
    experts = Expert.objects.with_profile().for_language(lang).for_directory()
    for name in ("topic", "region"):
        if (term := filters.selected(name)) is not None:
            experts = experts.with_expertise_in(term)
    # A page of the directory: the current experts, then the former ones.
    page_obj = paginate(request, experts.current_first(), DIRECTORY_PAGE_SIZE)
    people = list(page_obj.object_list)
    query = canonical_query(filters, page_obj)
    return render(
        request,
        "experts/expert_list.html",
        {
            "current": [expert for expert in people if not expert.is_former],
            "former": [expert for expert in people if expert.is_former],
            "page_obj": page_obj,
            "filters": filters,
            "canonical_query": query,
            "alternates": same_page_in_every_language(request, query=query),
        },
    )


@require_safe
def expert_detail(request, slug):
    lang = request.LANGUAGE_CODE
    experts = Expert.objects.with_profile().for_language(lang).for_profile()
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


@require_safe
def expert_legacy(request, legacy_slug):
    """/experts/view/carmi-omer, the old last-first address, moved to /experts/omer-carmi."""
    lang = request.LANGUAGE_CODE
    experts = Expert.objects.with_profile().for_language(lang)
    expert = experts.by_legacy_slug(legacy_slug).first()
    if expert is None:
        raise Http404
    return HttpResponsePermanentRedirect(expert.get_absolute_url())
