"""The project's URLs plus two probe views, so tests can watch what a signed-in user may reach on each
request without depending on any one app's pages."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from ayneh.core.security import refuse
from ayneh.offices.access import offices_for_user
from ayneh.offices.models import Office
from ayneh.offices.roles import Action
from ayneh.urls import urlpatterns as project_urlpatterns


def my_offices(request: HttpRequest) -> JsonResponse:
    codes = sorted(offices_for_user(user=request.user, action=Action.VIEW).values_list("code", flat=True))
    return JsonResponse({"user": request.user.get_username(), "offices": codes})


def office_detail(request: HttpRequest, code: str) -> JsonResponse:
    office = offices_for_user(user=request.user, action=Action.VIEW).filter(code=code).first()
    if office is None:
        raise refuse(
            request,
            reason="office_scope",
            target=f"offices.office:{code}",
            office=Office.objects.filter(code=code).first(),
        )
    return JsonResponse({"office": office.code})


urlpatterns = [
    path("probe/offices/", my_offices, name="probe-offices"),
    path("probe/offices/<slug:code>/", office_detail, name="probe-office"),
    *project_urlpatterns,
]
