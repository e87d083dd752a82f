"""The newsroom panel: views parse the request, call one selector or service, and render.

Every lookup of an office's object goes through a scoped selector. When it finds nothing for an
authenticated user (another office's release, an action the user's role does not allow, an unknown key),
the view raises `refuse(...)`: a 404 that gives no hint the object exists, recorded in the security log
and the audit log.
"""

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ayneh.core.security import refuse
from ayneh.newsroom import selectors, services
from ayneh.newsroom.forms import AttachmentForm, EventForm, NoteForm, ReleaseFilterForm, ReleaseForm
from ayneh.newsroom.models import Event, Release, ReleaseStatus
from ayneh.newsroom.storage import scoped_file_storage
from ayneh.offices.access import user_can
from ayneh.offices.roles import Action

PAGE_SIZE = 20


# --- scoped lookups -------------------------------------------------------------------------------------


def _release_or_refuse(request: HttpRequest, key: uuid.UUID, action: Action = Action.VIEW) -> Release:
    try:
        return selectors.release_get_for_user(user=request.user, key=key, action=action)
    except Release.DoesNotExist:
        raise refuse(
            request,
            reason=f"release_{action}",
            target=f"newsroom.release:{key}",
            office=selectors.release_office_for_audit(key=key),
        ) from None


def _event_or_refuse(request: HttpRequest, key: uuid.UUID, action: Action = Action.VIEW) -> Event:
    try:
        return selectors.event_get_for_user(user=request.user, key=key, action=action)
    except Event.DoesNotExist:
        raise refuse(
            request,
            reason=f"event_{action}",
            target=f"newsroom.event:{key}",
            office=selectors.event_office_for_audit(key=key),
        ) from None


def _uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- dashboard and lists --------------------------------------------------------------------------------


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "dashboard": selectors.dashboard_for_user(user=request.user),
        "can_write": selectors.user_can_write(user=request.user),
    }
    return render(request, "newsroom/dashboard.html", context)


@require_GET
def release_list(request: HttpRequest) -> HttpResponse:
    filter_form = ReleaseFilterForm(request.GET or None, user=request.user)
    releases = selectors.release_list_for_user(user=request.user, **filter_form.filters())
    page = Paginator(releases, PAGE_SIZE).get_page(request.GET.get("page"))
    can_write = selectors.user_can_write(user=request.user)
    return render(
        request, "newsroom/release_list.html", {"filter_form": filter_form, "page": page, "can_write": can_write}
    )


@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.review_queue_for_user(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "newsroom/review_queue.html", {"page": page})


# --- releases -------------------------------------------------------------------------------------------


def _nowhere_to_write(request: HttpRequest) -> HttpResponse:
    """A manager or evaluator who opens a "new" form: say why there is no form, instead of a form whose office
    list is empty and that can never be saved."""
    return render(request, "newsroom/nowhere_to_write.html", status=403)


@require_http_methods(["GET", "POST"])
def release_create(request: HttpRequest) -> HttpResponse:
    if not selectors.user_can_write(user=request.user):
        return _nowhere_to_write(request)
    initial: dict[str, Any] = {}
    # "Write a release about it" on an event page links here with ?event=<key>.
    event_key = _uuid_or_none(request.GET.get("event"))
    event = selectors.events_for_release_form(user=request.user).filter(uuid=event_key).first() if event_key else None
    if event is not None:
        initial = {"event": event, "office": event.office}
    form = ReleaseForm(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            release = services.release_create(
                actor=request.user,
                office=form.cleaned_data["office"],
                content=form.content(),
                photo=form.cleaned_data["photo"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect(release.panel_url)
    return render(request, "newsroom/release_form.html", {"form": form, "release": None})


@require_http_methods(["GET", "POST"])
def release_edit(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.EDIT)
    if not release.is_editable:
        messages.error(
            request,
            _("This release is %(status)s and can no longer be edited.") % {"status": release.get_status_display()},
        )
        return redirect(release.panel_url)
    initial = {
        "title": release.title,
        "lead": release.lead,
        "body": release.body_html,
        "tags": "، ".join(release.tag_names),
        "event": release.event,
        "version": release.version,
    }
    form = ReleaseForm(
        request.POST or None, request.FILES or None, user=request.user, office=release.office, initial=initial
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.release_update(
                release=release,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                content=form.content(),
                photo=form.cleaned_data["photo"],
                remove_photo=form.cleaned_data["remove_photo"],
            )
        except services.ReleaseConflict as conflict:
            # The editor's text stays in the form so nothing they typed is lost; the saved text is untouched.
            form.add_error(None, str(conflict.message))
            status = 409
        except services.ReleaseNotEditable as refused:
            messages.error(request, str(refused.message))
            return redirect(release.panel_url)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(release.panel_url)
    return render(request, "newsroom/release_form.html", {"form": form, "release": release}, status=status)


@require_GET
def release_detail(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key)
    may_edit = user_can(user=request.user, office=release.office, action=Action.EDIT)
    may_review = user_can(user=request.user, office=release.office, action=Action.REVIEW)
    version = {"version": release.version}
    context: dict[str, Any] = {
        "release": release,
        "history": selectors.release_history(release=release),
        "revisions": selectors.release_revisions(release=release),
        "attachments": selectors.release_attachments(release=release),
        "may_edit": may_edit and release.is_editable,
        "may_submit": may_edit and release.is_editable,
        "may_review": may_review and release.status == ReleaseStatus.IN_REVIEW,
        "may_withdraw": may_review and release.status == ReleaseStatus.PUBLISHED,
        "may_attach": may_edit,
        "submit_form": NoteForm(initial=version),
        "changes_form": NoteForm(
            initial=version, note_required=True, prefix="changes", note_label=_("What should change?")
        ),
        "publish_form": NoteForm(initial=version, prefix="publish", note_label=_("Note for the history (optional)")),
        "withdraw_form": NoteForm(note_required=True, prefix="withdraw", note_label=_("Why is it withdrawn?")),
        "attachment_form": AttachmentForm(),
    }
    return render(request, "newsroom/release_detail.html", context)


def _workflow_move(request: HttpRequest, release: Release, move: Any, success: str, **kwargs: Any) -> HttpResponse:
    try:
        move(release=release, actor=request.user, **kwargs)
    except services.NewsroomError as refused:
        messages.error(request, str(refused.message))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, success)
    return redirect(release.panel_url)


def _note_form(request: HttpRequest, *, prefix: str | None = None) -> NoteForm:
    form = NoteForm(request.POST, prefix=prefix)
    form.is_valid()  # both fields are optional here; the service decides whether the note is required
    return form


@require_POST
def release_submit(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.EDIT)
    form = _note_form(request)
    return _workflow_move(
        request,
        release,
        services.release_submit,
        _("The release was sent for review."),
        expected_version=form.cleaned_data.get("version"),
    )


@require_POST
def release_request_changes(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.REVIEW)
    form = _note_form(request, prefix="changes")
    return _workflow_move(
        request,
        release,
        services.release_request_changes,
        _("The release was returned to its editors."),
        note=form.cleaned_data.get("note", ""),
        expected_version=form.cleaned_data.get("version"),
    )


@require_POST
def release_publish(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.REVIEW)
    form = _note_form(request, prefix="publish")
    return _workflow_move(
        request,
        release,
        services.release_publish,
        _("The release was approved and published."),
        note=form.cleaned_data.get("note", ""),
        expected_version=form.cleaned_data.get("version"),
    )


@require_POST
def release_withdraw(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.REVIEW)
    form = _note_form(request, prefix="withdraw")
    return _workflow_move(
        request,
        release,
        services.release_withdraw,
        _("The release was withdrawn from the public newsroom."),
        note=form.cleaned_data.get("note", ""),
    )


@require_POST
def attachment_add(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.EDIT)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.attachment_add(release=release, actor=request.user, upload=form.cleaned_data["file"])
        messages.success(request, _("The file was attached."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(release.panel_url)


@require_POST
def attachment_remove(request: HttpRequest, key: uuid.UUID, attachment: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key, Action.EDIT)
    found = selectors.release_attachments(release=release).filter(uuid=attachment).first()
    if found is None:
        messages.error(request, _("That attachment no longer exists."))
    else:
        services.attachment_remove(attachment=found, actor=request.user)
        messages.success(request, _("The attachment “%(name)s” was removed.") % {"name": found.original_name})
    return redirect(release.panel_url)


# --- events ---------------------------------------------------------------------------------------------


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.event_list_for_user(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    can_write = selectors.user_can_write(user=request.user)
    return render(request, "newsroom/event_list.html", {"page": page, "can_write": can_write})


@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    if not selectors.user_can_write(user=request.user):
        return _nowhere_to_write(request)
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event was recorded."))
            return redirect(event.get_absolute_url())
    return render(request, "newsroom/event_form.html", {"form": form, "event": None})


@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    event = _event_or_refuse(request, key, Action.EDIT)
    initial = {name: getattr(event, name) for name in ("title", "type", "starts_at", "place", "participants")}
    form = EventForm(request.POST or None, user=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event was saved."))
            return redirect(event.get_absolute_url())
    return render(request, "newsroom/event_form.html", {"form": form, "event": event})


@require_GET
def event_detail(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    event = _event_or_refuse(request, key)
    context = {
        "event": event,
        "releases": selectors.event_releases(event=event, user=request.user).select_related("office"),
        "may_edit": user_can(user=request.user, office=event.office, action=Action.EDIT),
    }
    return render(request, "newsroom/event_detail.html", context)


# --- files ----------------------------------------------------------------------------------------------


@login_not_required
@require_GET
def file_serve(request: HttpRequest, name: str) -> HttpResponseBase:
    """A stored file, if the requester may read it: a published release's photo is public, everything
    else needs the right to view the release's office. Anonymous misses are plain 404s; an authenticated
    user's are refusals (logged)."""
    stored = selectors.stored_file_get(user=request.user, name=name)
    if stored is None:
        if request.user.is_authenticated:
            raise refuse(
                request,
                reason="file_view",
                target=f"newsroom.file:{name}",
                office=selectors.stored_file_office_for_audit(name=name),
            )
        raise Http404
    storage = scoped_file_storage()
    if not storage.exists(stored.name):
        raise Http404
    response = FileResponse(
        storage.open(stored.name, "rb"),
        content_type=stored.content_type,
        as_attachment=stored.download_name is not None,
        filename=stored.download_name or "",
    )
    # Public photos may sit in shared caches; internal files only in the requester's own browser.
    response["Cache-Control"] = "public, max-age=3600" if stored.public else "private, no-store"
    return response
