from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.models import Article
from experts.models import Expert
from taxonomy.models import Region, Topic
from thinktank.i18n import same_page_in_every_language

LATEST_COUNT = 6
# The home page features the newest report of this type, else the newest article.
FEATURED_TYPE = "in-depth-report"


@require_safe
def home(request):
    lang = request.LANGUAGE_CODE
    live = Article.objects.live(lang).newest_first().for_listing()
    featured = live.of_type(FEATURED_TYPE).first() or live.first()
    latest = live.exclude(pk=featured.pk) if featured else live
    return render(
        request,
        "home.html",
        {
            "featured": featured,
            "latest": latest[:LATEST_COUNT],
            "topics": Topic.objects.roots().ordered(),
            "regions": Region.objects.roots().ordered(),
            "experts": Expert.objects.with_profile()
            .for_language(lang)
            .current()
            .for_directory()[:4],
            "alternates": same_page_in_every_language(request),
        },
    )
