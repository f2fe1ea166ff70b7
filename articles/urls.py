from django.urls import path

from articles import views

urlpatterns = [
    path("policy-analysis", views.article_list, name="article_list"),
    path(
        "policy-analysis/view/<slug:slug>",
        views.legacy_policy_analysis,
        name="legacy_policy_analysis",
    ),
    path("policy-analysis/<slug:slug>", views.policy_analysis, name="policy_analysis"),
]
