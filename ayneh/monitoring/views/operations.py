"""The operations pages, for monitoring administrators: outlets and their sources with each source's health,
"fetch now", and bulk imports (upload a JSON Lines archive, watch its progress, cancel or resume it).

Views parse the request, call `ayneh.monitoring.operations` (writes) and selectors (reads), and render.
Anyone else who reaches these pages is refused with 403, and the refusal is logged and audited
(`ayneh.core.security.refuse`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from ayneh.core.security import refuse
from ayneh.core.templatetags.persian import fa_digits
from ayneh.monitoring import operations, selectors, services
from ayneh.monitoring.fetch.archives import RecordError, read_jsonl
from ayneh.monitoring.fetch.errors import InputError
from ayneh.monitoring.fetch.urls import fetchable_url
from ayneh.monitoring.models import (
    LOCAL_SOURCE_KINDS,
    RESUMABLE_BATCH_STATUSES,
    ArticleFailure,
    BatchStatus,
    IngestBatch,
    Outlet,
    OutletTier,
    Source,
    SourceKind,
)
from ayneh.text.gazetteer import provinces

View = Callable[..., HttpResponse]
UPLOAD_SUFFIXES = (".jsonl", ".ndjson", ".json")
# Lines of an upload read before it is accepted: at least one must be a readable record.
UPLOAD_PROBE_LINES = 50
BATCHES_SHOWN = 20
FAILURES_SHOWN = 20
ACTIVE_STATUSES = frozenset({BatchStatus.PENDING, BatchStatus.RUNNING})


def monitoring_admin_required(view: View) -> View:
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not operations.is_monitoring_admin(request.user):
            refuse(request, reason="not_monitoring_admin", target=f"monitoring.operations:{request.path}")
            raise PermissionDenied(_("Only monitoring administrators may manage outlets, sources and imports."))
        return view(request, *args, **kwargs)

    return checked


# --- forms ---------------------------------------------------------------------------------------------------


def province_choices() -> list[tuple[str, str]]:
    return [("", _("None (national)")), *((p.name, p.name) for p in provinces())]


class OutletForm(forms.ModelForm):
    aliases = forms.CharField(
        label=gettext_lazy("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line: the names news text gives this outlet («خبرگزاری ...»)."),
    )

    class Meta:
        model = Outlet
        fields = ["name", "site", "tier", "province"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"] = forms.ChoiceField(
            label=gettext_lazy("Province"), required=False, choices=province_choices
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        tier = cleaned.get("tier")
        if tier in {OutletTier.PROVINCIAL, OutletTier.LOCAL} and not cleaned.get("province"):
            self.add_error("province", _("A provincial or local outlet needs its province."))
        return cleaned

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("aliases", "").splitlines() if line.strip()]


class SourceForm(forms.Form):
    outlet = forms.ModelChoiceField(label=gettext_lazy("Outlet"), queryset=Outlet.objects.order_by("name"))
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=SourceKind.choices)
    url = forms.CharField(
        label=gettext_lazy("Address"),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("For a feed, a sitemap or a listing page: its http(s) address."),
    )
    path = forms.CharField(
        label=gettext_lazy("Path on the server"),
        required=False,
        max_length=1024,
        help_text=gettext_lazy("For a JSON Lines archive or a folder of saved pages, inside the import folder."),
    )
    interval = forms.IntegerField(
        label=gettext_lazy("Fetch every (minutes)"), min_value=5, max_value=7 * 24 * 60, initial=30
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = cleaned.get("kind")
        if kind in LOCAL_SOURCE_KINDS:
            cleaned["url"] = ""
            self._clean_path(cleaned, kind)
        elif kind:
            cleaned["path"] = ""
            try:
                cleaned["url"] = fetchable_url(cleaned.get("url", ""))
            except InputError:
                self.add_error("url", _("Enter an http or https address (no local files or other schemes)."))
        return cleaned

    def _clean_path(self, cleaned: dict[str, Any], kind: str) -> None:
        raw = (cleaned.get("path") or "").strip()
        path = operations.import_path(raw) if raw else None
        if path is None:
            folder = operations.import_dir()
            self.add_error("path", _("Give a path inside the import folder (%(folder)s).") % {"folder": folder})
        elif kind == SourceKind.JSONL and not path.is_file():
            self.add_error("path", _("There is no file at this path."))
        elif kind == SourceKind.HTML_FOLDER and not path.is_dir():
            self.add_error("path", _("There is no folder at this path."))
        else:
            cleaned["path"] = str(path)


class ArchiveUploadForm(forms.Form):
    archive = forms.FileField(
        label=gettext_lazy("JSON Lines archive"),
        help_text=gettext_lazy(
            'One article per line: {"url", "title", "text" or "html", "published", "outlet"} (.jsonl).'
        ),
    )
    outlet = forms.ModelChoiceField(
        label=gettext_lazy("Outlet of records that name none"),
        queryset=Outlet.objects.order_by("name"),
        required=False,
    )

    def clean_archive(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["archive"]
        name = upload.name or ""
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            raise forms.ValidationError(_("Upload a JSON Lines file (.jsonl), one article per line."))
        limit = int(getattr(settings, "MONITORING_UPLOAD_MAX_BYTES", 512 * 1024 * 1024))
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large: at most %(size)s MB.") % {"size": fa_digits(limit // (1024 * 1024))}
            )
        self._probe(upload)
        return upload

    @staticmethod
    def _probe(upload: UploadedFile) -> None:
        """At least one of the first lines must be a readable record; else say what the first line is."""
        upload.seek(0)
        first_error: RecordError | None = None
        stream = upload.file
        if stream is None:
            raise forms.ValidationError(_("The file is empty: it holds no article."))
        for n, item in enumerate(read_jsonl(stream)):
            if not isinstance(item, RecordError):
                upload.seek(0)
                return
            first_error = first_error or item
            if n + 1 >= UPLOAD_PROBE_LINES:
                break
        upload.seek(0)
        if first_error is None:
            raise forms.ValidationError(_("The file is empty: it holds no article."))
        raise forms.ValidationError(
            _("This is not a JSON Lines archive of articles: line %(line)s could not be read (%(reason)s).")
            % {"line": fa_digits(first_error.position), "reason": first_error.reason}
        )


# --- pages ---------------------------------------------------------------------------------------------------


def backend_label(path: str) -> str:
    """The task queue's name for people and, as code in left-to-right text, the command its workers run."""
    labels = {
        "django_tasks_db.DatabaseBackend": (_("the database queue"), "ayneh db_worker"),
        "django_tasks_rq.RQBackend": (_("Redis"), "ayneh rq_worker"),
        "django.tasks.backends.immediate.ImmediateBackend": (_("this process (immediate)"), ""),
    }
    name, command = labels.get(path, (path, ""))
    return format_html('{} (<code dir="ltr">{}</code>)', name, command) if command else name


@require_GET
@monitoring_admin_required
def operations_home(request: HttpRequest) -> HttpResponse:
    attention = {item.source.pk: item for item in selectors.sources_needing_attention()}
    outlets = Outlet.objects.order_by("name").annotate(article_count=Count("articles", distinct=True))
    sources = Source.objects.select_related("outlet").annotate(
        article_count=Count("articles"), latest_article=Max("articles__fetched_at")
    )
    by_outlet: dict[int, list[Source]] = {}
    for source in sources.order_by("outlet__name", "id"):
        source.attention = attention.get(source.pk)  # type: ignore[attr-defined]
        by_outlet.setdefault(source.outlet_id, []).append(source)
    batches = IngestBatch.objects.select_related("outlet", "source").order_by("-created_at")[:BATCHES_SHOWN]
    return render(
        request,
        "monitoring/ops_home.html",
        {
            "outlets": [(outlet, by_outlet.get(outlet.pk, [])) for outlet in outlets],
            "attention": list(attention.values()),
            "batches": batches,
            "tasks_backend": backend_label(settings.TASKS["default"]["BACKEND"]),
        },
    )


@monitoring_admin_required
def outlet_new(request: HttpRequest) -> HttpResponse:
    form = OutletForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outlet = services.outlet_create(
            name=form.cleaned_data["name"],
            tier=form.cleaned_data["tier"],
            site=form.cleaned_data["site"],
            province=form.cleaned_data["province"],
            aliases=form.alias_list(),
            actor=request.user,
        )
        messages.success(request, _("Outlet «%(name)s» registered.") % {"name": outlet.name})
        return redirect("monitoring:operations")
    return render(request, "monitoring/ops_outlet_form.html", {"form": form})


@monitoring_admin_required
def source_new(request: HttpRequest) -> HttpResponse:
    initial = {"outlet": request.GET.get("outlet")} if request.GET.get("outlet", "").isdigit() else {}
    form = SourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        source = operations.source_create(
            outlet=form.cleaned_data["outlet"],
            kind=form.cleaned_data["kind"],
            url=form.cleaned_data["url"],
            path=form.cleaned_data["path"],
            fetch_interval=dt.timedelta(minutes=form.cleaned_data["interval"]),
            actor=request.user,
        )
        messages.success(request, _("Source added: %(source)s") % {"source": source})
        return redirect("monitoring:operations")
    return render(request, "monitoring/ops_source_form.html", {"form": form, "import_dir": operations.import_dir()})


@require_POST
@monitoring_admin_required
def source_fetch(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    batch = operations.source_fetch_now(source=source, actor=request.user)
    if batch is not None:
        messages.success(request, _("The import of this source is queued."))
        return redirect("monitoring:operations-batch", pk=batch.pk)
    messages.success(request, _("A fetch of this source is queued; its health below shows how it went."))
    return redirect("monitoring:operations")


@monitoring_admin_required
def archive_upload(request: HttpRequest) -> HttpResponse:
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload: UploadedFile = form.cleaned_data["archive"]
        batch = operations.archive_store(
            chunks=upload.chunks(), outlet=form.cleaned_data["outlet"], actor=request.user, name=upload.name or ""
        )
        operations.batch_enqueue(batch=batch)
        messages.success(request, _("The archive is uploaded and queued for import."))
        return redirect("monitoring:operations-batch", pk=batch.pk)
    return render(request, "monitoring/ops_upload.html", {"form": form})


def _batch_context(batch: IngestBatch) -> dict[str, Any]:
    failures = ArticleFailure.objects.filter(batch=batch).order_by("position", "id")[:FAILURES_SHOWN]
    return {
        "batch": batch,
        "active": batch.status in ACTIVE_STATUSES,
        "cancellable": batch.status in ACTIVE_STATUSES and not batch.cancel_requested,
        "resumable": batch.status in RESUMABLE_BATCH_STATUSES - ACTIVE_STATUSES,
        "failures": failures,
        "percent": round(100 * batch.cursor / batch.total) if batch.total else None,
    }


@require_GET
@monitoring_admin_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(IngestBatch.objects.select_related("outlet", "source", "created_by"), pk=pk)
    return render(request, "monitoring/ops_batch.html", _batch_context(batch))


@require_GET
@monitoring_admin_required
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment that the batch page polls (htmx) while the batch is waiting or running."""
    batch = get_object_or_404(IngestBatch.objects.select_related("outlet", "source"), pk=pk)
    return render(request, "monitoring/ops_batch_progress.html", _batch_context(batch))


@require_POST
@monitoring_admin_required
def batch_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(IngestBatch, pk=pk)
    batch = services.batch_cancel(batch=batch, actor=request.user)
    if batch.status == BatchStatus.CANCELLED:
        messages.success(request, _("The import is cancelled."))
    elif batch.cancel_requested:
        messages.success(request, _("The import stops after the chunk in progress."))
    else:
        messages.warning(request, _("This import is no longer running."))
    return redirect("monitoring:operations-batch", pk=batch.pk)


@require_POST
@monitoring_admin_required
def batch_resume(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(IngestBatch, pk=pk)
    if batch.status not in RESUMABLE_BATCH_STATUSES - ACTIVE_STATUSES or batch.kind not in LOCAL_SOURCE_KINDS:
        messages.warning(request, _("This import cannot be resumed."))
    else:
        operations.batch_resume(batch=batch, actor=request.user)
        messages.success(request, _("The import continues from record %(n)s.") % {"n": fa_digits(batch.cursor)})
    return redirect("monitoring:operations-batch", pk=batch.pk)
