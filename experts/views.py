from django.http import Http404
from django.views.decorators.http import require_GET


@require_GET
def expert_detail(request, slug):
    raise Http404
