from django.urls import path

from articles import views

urlpatterns = [
    path("policy-analysis/<slug:slug>", views.policy_analysis, name="policy_analysis"),
]
