"""
The admin's sign-in form: user name, password, and for an account with an
authenticator app (django-otp's TOTP device, enrolled by an administrator
under "TOTP devices") its current six-digit code.

Accounts without a device sign in as before. A wrong or missing code is
refused like a wrong password, and counts towards the lockout (django-axes)
the same way.
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user


class SignInForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("One-time code"),
        required=False,
        max_length=8,
        help_text=_("Only for accounts with an authenticator app."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp": _("Enter the current code of your authenticator app."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        token = (cleaned_data.get("otp_token") or "").replace(" ", "")
        # The devices are locked while a code is checked (a code is good once).
        with transaction.atomic():
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if not devices:
                return cleaned_data
            device = next((d for d in devices if token and d.verify_token(token)), None)
        if device is None:
            self.user_cache = None
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            raise ValidationError(self.error_messages["otp"], code="otp")
        # django-otp marks the session verified when the user is logged in.
        user.otp_device = device
        return cleaned_data

    def get_user(self):
        return self.user_cache
