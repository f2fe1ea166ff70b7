from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.selectors import with_bylines
from core.i18n import same_page_in_every_language
from experts.models import Expert
from taxonomy.models import Region, Topic

LATEST_COUNT = 6
# The home page features the newest featured article (``Article.featured``),
# else the newest report of this type, else the newest article.
FEATURED_TYPE = "in-depth-report"


@require_safe
def home(request):
    lang = request.LANGUAGE_CODE
    live = Article.objects.live(lang).newest_first().with_type()
    # The same three queries whether or not there is a piece to feature: the
    # newest featured article or report, the newest pieces, and the bylines
    # of all of them.
    chosen = live.to_feature(FEATURED_TYPE)
    newest = list(live[: LATEST_COUNT + 1])
    featured = chosen or (newest[0] if newest else None)
    latest = [article for article in newest if article != featured][:LATEST_COUNT]
    with_bylines([featured, *latest])
    return render(
        request,
        "home.html",
        {
            "featured": featured,
            "latest": latest,
            "topics": Topic.objects.roots().ordered(),
            "regions": Region.objects.roots().ordered(),
            "experts": Expert.objects.live(lang).current().for_directory()[:4],
            "alternates": same_page_in_every_language(request),
        },
    )
