"""
The newsletter's pages: the sign-up form (also in every page's footer and on
topic landings, where it posts here), the confirmation and the unsubscribe
links of the messages.

The forms work without a CSRF token: they are drawn into cached public pages
(a token would make every page uncacheable), and what they do needs no
session: a sign-up only sends a confirmation link to the address, and the
confirmation and unsubscribe forms are authorised by their signed token,
which no other site can forge. None of these pages is cached.
"""

from django.core.cache import cache
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.i18n import same_page_in_every_language
from core.security import client_address
from newsletter import services
from newsletter.forms import SignUpForm
from newsletter.models import Status
from taxonomy.models import Topic

#: Sign-ups one client address may send in ``RATE_WINDOW`` seconds.
RATE_LIMIT = 10
RATE_WINDOW = 3600


def _too_many(request) -> bool:
    key = f"newsletter:signups:{client_address(request) or ''}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        return cache.incr(key) > RATE_LIMIT
    except ValueError:  # expired between add and incr
        return False


def _sign_up_page(request, form, *, status=200):
    return render(
        request,
        "newsletter/sign_up.html",
        {
            "form": form,
            "topics": Topic.objects.roots().ordered(),
            "chosen": {str(value) for value in form["topics"].value() or []},
            "alternates": same_page_in_every_language(request),
        },
        status=status,
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request):
    if request.method != "POST":
        initial = {"topics": request.GET.getlist("topics")}
        return _sign_up_page(request, SignUpForm(initial=initial))
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return _sign_up_page(request, form, status=400)
    if _too_many(request):
        return render(
            request, "newsletter/message.html", {"kind": "slow_down"}, status=429
        )
    services.sign_up(
        form.cleaned_data["email"],
        request.LANGUAGE_CODE,
        list(form.cleaned_data["topics"]),
        list(form.cleaned_data["regions"]),
    )
    # The same answer whether or not the address was known.
    return render(request, "newsletter/message.html", {"kind": "check_inbox"})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    found = services.subscriber_to_confirm(token)
    if found is None:
        return render(
            request, "newsletter/message.html", {"kind": "bad_link"}, status=400
        )
    subscriber, data = found
    if request.method == "POST":
        services.confirm(subscriber, data)
        return render(request, "newsletter/message.html", {"kind": "confirmed"})
    return render(request, "newsletter/confirm.html", {"action": request.path})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks (a link scanner must not unsubscribe anyone); POST, one click (RFC 8058), does it."""
    subscriber = services.subscriber_to_unsubscribe(token)
    if subscriber is None:
        return render(
            request, "newsletter/message.html", {"kind": "bad_link"}, status=400
        )
    if request.method == "POST":
        services.unsubscribe(subscriber)
        return render(request, "newsletter/message.html", {"kind": "unsubscribed"})
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"action": request.path, "done": subscriber.status == Status.UNSUBSCRIBED},
    )
