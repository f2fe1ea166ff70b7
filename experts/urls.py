from django.urls import path

from experts import views

app_name = "experts"
# Included at the site root so that the directory is /experts, without a slash.
urlpatterns = [
    path("experts", views.expert_list, name="list"),
    # The site header looks the directory up by this name too.
    path("experts", views.expert_list, name="directory"),
    path("experts/view/<slug:legacy_slug>", views.expert_legacy, name="legacy"),
    path("experts/<slug:slug>", views.expert_detail, name="detail"),
]
