"""
The admin site (``thinktank.apps.AdminConfig`` makes it the default one).

It is a module of its own, apart from every ``admin.register``: Django builds
the default site on the first registration, by importing this class.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils.translation import get_language

from core import richtext
from core.signin import SignInForm


class AdminSite(admin.AdminSite):
    """
    Django's admin site, whose "view on site" shortcut (``/admin/r/<content
    type>/<id>/``) leads only to pages readers can see now.

    Django's shortcut redirects to any row's ``get_absolute_url()``: for a
    draft or a trashed article that address is made from its title, which
    any staff account could thus read by counting through the ids. Here it
    answers only for an object that the user may view in its model's admin
    and that is live in the language of the request, by its default
    manager's ``live(language_code)``; anything else is a 404, which tells
    nothing about whether the object exists.
    """

    #: User name, password and, for accounts that have one, an authenticator's code.
    login_form = SignInForm

    def get_urls(self):
        return [
            path(
                "richtext/choices/",
                self.admin_view(self.richtext_choices),
                name="richtext_choices",
            ),
        ] + [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            )
            if getattr(url, "name", None) == "view_on_site"
            else url
            for url in super().get_urls()
        ]

    def richtext_choices(self, request):
        """
        The rich-text editor's chooser (links, figures): ``?kind=article&q=water``
        answers ``{"results": [{"ref": "article:12", "kind", "label"}]}``,
        searching every language; 403 for a kind the user may not view.
        """
        kinds = request.GET.getlist("kind") or richtext.chooser_kinds()
        query = request.GET.get("q", "")[:100]
        results = []
        for kind in kinds:
            found = richtext.choices(request.user, kind, query)
            if found is None and len(kinds) == 1:
                return JsonResponse({"results": []}, status=403)
            results.extend(found or [])
        return JsonResponse({"results": results})

    def view_on_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        live = getattr(model._default_manager, "live", None)
        if model_admin is None or live is None:
            raise Http404
        try:
            obj = live(get_language()).filter(pk=object_id).first()
        except (ValueError, ValidationError):
            obj = None
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        return shortcut(request, content_type_id, object_id)
