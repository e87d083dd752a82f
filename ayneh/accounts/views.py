"""Sign-in and sign-out. Sign-in is throttled per account and per address; both are audited."""

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from ayneh.accounts.forms import ThrottledAuthenticationForm
from ayneh.accounts.selectors import demo_accounts
from ayneh.accounts.services import login_record_failure, login_record_success, logout_record
from ayneh.accounts.throttle import LoginThrottle
from ayneh.core.security import client_address


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["address"] = client_address(self.request)
        kwargs["throttle"] = LoginThrottle.from_settings()
        return kwargs

    def form_valid(self, form: ThrottledAuthenticationForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        login_record_success(user=form.get_user(), address=form.address)
        return response

    def form_invalid(self, form: ThrottledAuthenticationForm) -> HttpResponse:  # type: ignore[override]
        if form.failure is not None:
            login_record_failure(
                username=form.cleaned_data.get("username", ""),
                address=form.address,
                reason=form.failure,
                now_locked=form.now_locked,
            )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if getattr(settings, "AYNEH_DEMO", False):
            context["demo_accounts"] = demo_accounts()
            context["demo_password"] = getattr(settings, "AYNEH_DEMO_PASSWORD", "")
        return context


class LogoutView(auth_views.LogoutView):
    """Sign out by POST only (a link or an image cannot sign anyone out)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            logout_record(user=request.user, address=client_address(request))
        return super().post(request, *args, **kwargs)


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """The admin's sign-in page, replaced by Ayneh's so that it is throttled and audited the same way."""
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
