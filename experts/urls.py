from django.urls import path

from experts import views

app_name = "experts"
urlpatterns = [
    path("<slug:slug>", views.expert_detail, name="detail"),
]
