from django.urls import path

from articles import views
from articles.feeds import FEEDS

urlpatterns = [
    path("policy-analysis", views.article_list, name="article_list"),
    path("search", views.search, name="search"),
    path("feeds/latest.rss", FEEDS[None][0](), name="feed_latest_rss"),
    path("feeds/latest.atom", FEEDS[None][1](), name="feed_latest_atom"),
    *(
        path(f"feeds/{kind}/<slug:slug>.{fmt}", feed(), name=f"feed_{kind}_{fmt}")
        for kind in ("topic", "region", "expert", "type")
        for fmt, feed in zip(("rss", "atom"), FEEDS[kind], strict=True)
    ),
    path(
        "policy-analysis/view/<slug:slug>",
        views.legacy_policy_analysis,
        name="legacy_policy_analysis",
    ),
    path("policy-analysis/<slug:slug>", views.policy_analysis, name="policy_analysis"),
    path(
        "policy-analysis/<slug:slug>/cite.<str:fmt>",
        views.article_citation,
        name="article_citation",
    ),
    path("policy-analysis/<slug:slug>/pdf", views.article_pdf, name="article_pdf"),
]
