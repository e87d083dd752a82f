"""The article search page: full-text search over monitored articles with filters (office, province,
outlet tier, outlet, a Jalali date range), newest first, results refreshed in place by htmx, matched words
highlighted, and the result list as CSV or Excel.

The office filter offers only the offices the person may see (an office, or a parent office, which also
finds articles about the offices below it); another office's code in the address is a form error, never a
silent widening. Articles themselves are published press, so the list is not limited to those offices.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from ayneh.core.forms import JalaliDateField
from ayneh.monitoring.exports import FORMATS, Column, export_response
from ayneh.monitoring.models import Article, Outlet, OutletTier
from ayneh.monitoring.search import ArticleSearchPage, article_search
from ayneh.offices.access import offices_for_user
from ayneh.offices.models import Office
from ayneh.offices.roles import Action
from ayneh.search.highlight import highlight, snippet
from ayneh.search.selectors import COUNT_CAP, MAX_LIMIT
from ayneh.search.terms import MAX_QUERY_CHARS

PAGE_SIZE = 20


class OfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Office) -> str:
        return obj.short_name or obj.name


class ArticleSearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search for"),
        max_length=MAX_QUERY_CHARS,
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    office = OfficeChoiceField(
        label=gettext_lazy("Office"),
        queryset=Office.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Any office"),
    )
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    tier = forms.ChoiceField(
        label=gettext_lazy("Outlet tier"),
        required=False,
        choices=[("", gettext_lazy("Any tier")), *OutletTier.choices],
    )
    outlet = forms.ModelChoiceField(
        label=gettext_lazy("Outlet"),
        queryset=Outlet.objects.all(),
        required=False,
        empty_label=gettext_lazy("Any outlet"),
    )
    date_from = JalaliDateField(label=gettext_lazy("Published from"), required=False)
    date_to = JalaliDateField(label=gettext_lazy("Published until"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        office = self.fields["office"]
        assert isinstance(office, forms.ModelChoiceField)  # noqa: S101 — declared just above
        office.queryset = offices_for_user(user=user, action=Action.VIEW).order_by("path")
        provinces = set(Office.objects.exclude(province="").values_list("province", flat=True))
        provinces |= set(Outlet.objects.exclude(province="").values_list("province", flat=True))
        province = self.fields["province"]
        assert isinstance(province, forms.ChoiceField)  # noqa: S101
        province.choices = [("", _("Any province")), *((p, p) for p in sorted(provinces))]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(gettext_lazy("The start of the date range is after its end."), code="reversed_range")
        return cleaned

    def search(self, *, limit: int, offset: int) -> ArticleSearchPage | None:
        """The page of hits for a valid form with a query; None otherwise."""
        if not self.is_valid() or not self.cleaned_data["q"]:
            return None
        data = self.cleaned_data
        office: Office | None = data["office"]
        outlet: Outlet | None = data["outlet"]
        return article_search(
            query=data["q"],
            office=office.code if office else None,
            province=data["province"] or None,
            tier=data["tier"] or None,
            outlet=outlet.pk if outlet else None,
            date_from=data["date_from"],
            date_to=data["date_to"],
            limit=limit,
            offset=offset,
        )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """The search page. An htmx request (typing, changing a filter) gets only the results fragment."""
    form = ArticleSearchForm(request.GET or None, user=request.user)
    number = _page_number(request)
    result = form.search(limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    page = None
    hits: list[dict[str, Any]] = []
    if result is not None:
        page = Paginator(range(result.total), PAGE_SIZE).get_page(number)
        if page.number != number and result.total:  # past the end: show the last page
            result = form.search(limit=PAGE_SIZE, offset=(page.number - 1) * PAGE_SIZE)
        query = form.cleaned_data["q"]
        hits = [
            {
                "article": article,
                "title": highlight(article.title or article.canonical_url, query),
                "snippet": snippet(article.text, query),
            }
            for article in (result.articles if result else [])
        ]
    params = request.GET.copy()
    params.pop("page", None)
    template = "monitoring/search_page.html"
    if request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"):
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "result": result,
            "hits": hits,
            "page_obj": page,
            "export_query": params.urlencode(),
        },
    )


def _columns() -> list[Column]:
    return [
        Column(_("Published"), lambda a: a.seen_at),
        Column(_("Title"), lambda a: a.title),
        Column(_("Outlet"), lambda a: a.outlet.name),
        Column(_("Outlet tier"), lambda a: a.outlet.get_tier_display()),
        Column(_("Credited office"), lambda a: str(a.source_office) if a.source_office else ""),
        Column(_("Address"), lambda a: a.url),
    ]


@require_GET
def search_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The hits of the search in the address (up to COUNT_CAP, newest first) as CSV or Excel."""
    if fmt not in FORMATS:
        raise Http404
    form = ArticleSearchForm(request.GET or None, user=request.user)
    articles: list[Article] = []
    offset = 0
    while offset < COUNT_CAP:
        result = form.search(limit=MAX_LIMIT, offset=offset)
        if result is None or not result.articles:
            break
        articles.extend(result.articles)
        offset += MAX_LIMIT
    return export_response(fmt, name="article-search", title=_("Article search"), columns=_columns(), items=articles)
