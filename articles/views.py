from django.http import Http404
from django.views.decorators.http import require_GET


@require_GET
def policy_analysis(request, slug):
    raise Http404
