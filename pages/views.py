from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_safe

from core.i18n import localized
from pages.selectors import page_by_any_slug, page_for_reader


@require_safe
def page_detail(request, slug):
    """
    ``/<slug>``: an institute page. A slug of the page in another language
    leads to its address in this one (301) when it is published here;
    otherwise the 404 page links to the versions that are.
    """
    lang = request.LANGUAGE_CODE
    page = page_for_reader(slug, lang)
    if page is not None:
        return render(
            request,
            "pages/page_detail.html",
            {
                "page": page,
                "alternates": {
                    code: page.url_in(code) for code in page.live_languages()
                },
            },
        )
    page = page_by_any_slug(slug)
    if page is None or not page.live_languages():
        raise Http404
    if lang in page.live_languages():
        return redirect(page.url_in(lang), permanent=True)
    versions = [
        {
            "code": code,
            "url": page.url_in(code),
            "title": getattr(page, localized("title", code)),
            "bidi": get_language_info(code)["bidi"],
            "language": get_language_info(code)["name_local"],
        }
        for code in page.live_languages()
    ]
    return render(
        request,
        "404.html",
        {"versions": versions},
        status=404,
    )
