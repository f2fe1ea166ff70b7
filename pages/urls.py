from django.urls import path

from pages import views

# Last among the site's addresses: a page takes what no other route does
# (Page.clean() refuses a slug another route answers).
urlpatterns = [
    path("<slug:slug>", views.page_detail, name="page"),
]
