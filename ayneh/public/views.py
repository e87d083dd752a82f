"""The public newsroom: anonymous, read-only pages over published releases.

Every view here is `@login_not_required` (the site is deny-by-default) and reads only through
ayneh.public.selectors, which sees published releases and active offices only.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ayneh.core.jalali import ascii_digits
from ayneh.newsroom.models import Release
from ayneh.newsroom.selectors import published_releases
from ayneh.offices.models import Office
from ayneh.public.forms import SearchForm
from ayneh.public.links import absolute_url
from ayneh.public.selectors import (
    public_office_directory,
    public_office_get,
    public_release_get,
    published_release_search,
)

PAGE_SIZE = 12


def _page_number(request: HttpRequest) -> int:
    """The requested page: a positive integer, 1 for anything else (e.g. «۲» is read as 2)."""
    raw = ascii_digits(request.GET.get("page", "1"))
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) > 0 else 1


def _releases_page(request: HttpRequest, office: Office | None = None) -> Page:
    return Paginator(published_releases(office=office), PAGE_SIZE).get_page(_page_number(request))


@login_not_required
@require_safe
def front(request: HttpRequest) -> HttpResponse:
    """The national front page: every office's published releases, newest first."""
    page = _releases_page(request)
    return render(
        request,
        "public/front.html",
        {"page_obj": page, "releases": page.object_list, "canonical_url": absolute_url(request.path)},
    )


@login_not_required
@require_safe
def office_list(request: HttpRequest) -> HttpResponse:
    """The directory of offices, by tier, with how many releases each has published."""
    return render(
        request,
        "public/office_list.html",
        {"groups": public_office_directory(), "canonical_url": absolute_url(request.path)},
    )


@login_not_required
@require_safe
def office(request: HttpRequest, code: str) -> HttpResponse:
    """One office's newsroom: its published releases and those of the offices below it."""
    try:
        the_office = public_office_get(code=code)
    except Office.DoesNotExist:
        raise Http404(_("No such office.")) from None
    page = _releases_page(request, office=the_office)
    return render(
        request,
        "public/office.html",
        {
            "office": the_office,
            "page_obj": page,
            "releases": page.object_list,
            "canonical_url": absolute_url(request.path),
        },
    )


@login_not_required
@require_safe
def release(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """One published release, with the canonical link and Open Graph metadata for sharing."""
    try:
        the_release = public_release_get(key=key)
    except Release.DoesNotExist:
        raise Http404(_("No such release.")) from None
    return render(
        request,
        "public/release.html",
        {
            "release": the_release,
            "office": the_release.office,
            "canonical_url": absolute_url(the_release.get_absolute_url()),
            "photo_url": absolute_url(the_release.photo.url) if the_release.photo else "",
        },
    )


@login_not_required
@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over published releases, optionally within one office.

    An htmx request (typing in the box) gets only the results fragment; everything else the whole page,
    so the page works without JavaScript and every result list has its own address.
    """
    form = SearchForm(request.GET or None)
    query = ""
    releases: list[Release] = []
    page: Page | None = None
    if form.is_valid() and (query := form.cleaned_data["q"]):
        chosen_office: Office | None = form.cleaned_data["office"]
        office_code = chosen_office.code if chosen_office else None
        number = _page_number(request)
        result = published_release_search(
            query=query, office_code=office_code, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE
        )
        # The page numbers come from the hit count alone; a page past the end shows the last one.
        page = Paginator(range(result.total), PAGE_SIZE).get_page(number)
        if page.number != number and result.total:
            result = published_release_search(
                query=query, office_code=office_code, limit=PAGE_SIZE, offset=(page.number - 1) * PAGE_SIZE
            )
        releases = result.releases
    template = "public/search.html"
    if request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"):
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "query": query,
            "releases": releases,
            "page_obj": page,
            "canonical_url": absolute_url(request.path),
        },
    )
