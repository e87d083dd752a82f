"""The sign-in form: Django's AuthenticationForm behind the login throttle, with one message for every
wrong-credentials case (unknown user, wrong password, disabled account)."""

from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from ayneh.accounts.services import LoginFailure
from ayneh.accounts.throttle import LoginThrottle


class ThrottledAuthenticationForm(AuthenticationForm):
    """After `clean()`, `failure` says why sign-in was refused (None on success) and `now_locked` whether
    this failure reached the limit; the view records both."""

    error_messages = {
        "invalid_login": _("The username or password is not correct."),
        "locked": _("Too many unsuccessful attempts. Please wait a few minutes and try again."),
        # Only reached with a backend that lets inactive users authenticate; worded like a wrong password
        # so that it does not reveal the account exists.
        "inactive": _("The username or password is not correct."),
    }

    def __init__(self, *args: Any, address: str | None = None, throttle: LoginThrottle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.address = address
        self.throttle = throttle
        self.failure: LoginFailure | None = None
        self.now_locked = False
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "dir": "ltr"})
        self.fields["password"].label = _("Password")
        self.fields["password"].widget.attrs["dir"] = "ltr"

    @sensitive_variables("password")
    def clean(self) -> dict[str, Any]:
        username: str | None = self.cleaned_data.get("username")
        password: str | None = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        # The same steps whether or not the account exists: check the lock, then authenticate (Django's
        # backend spends a password hash on unknown usernames too), then count the failure.
        if self.throttle.is_locked(username=username, address=self.address):
            self.failure = LoginFailure.LOCKED
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None or not self.user_cache.is_active:
            self.user_cache = None
            self.failure = LoginFailure.BAD_CREDENTIALS
            self.now_locked = self.throttle.record_failure(username=username, address=self.address)
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        self.throttle.clear_account(username=username)
        return self.cleaned_data
