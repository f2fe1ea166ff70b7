"""Plain pages of the public site that belong to no app."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.i18n import same_page_in_every_language


@require_safe
def about(request):
    return render(
        request,
        "about.html",
        {"alternates": same_page_in_every_language(request)},
    )
