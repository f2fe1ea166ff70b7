from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.i18n import same_page_in_every_language
from core.listing import canonical_query
from core.pager import paginate
from experts.models import Expert
from taxonomy.forms import TermFilterForm

#: Experts per page of the directory (a multiple of the grid's 2, 3 and 4 columns).
DIRECTORY_PAGE_SIZE = 48


@require_safe
def expert_list(request):
    lang = request.LANGUAGE_CODE
    filters = TermFilterForm(request.GET)
    experts = Expert.objects.live(lang).for_directory()
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
def expert_legacy(request, legacy_slug):
    """/experts/view/carmi-omer, the old last-first address, moved to /experts/omer-carmi."""
    lang = request.LANGUAGE_CODE
    experts = Expert.objects.live(lang)
    expert = experts.by_legacy_slug(legacy_slug).first()
    if expert is None:
        raise Http404
    return HttpResponsePermanentRedirect(expert.get_absolute_url())
