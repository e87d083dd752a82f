"""Forms of the evaluation pages. They parse and check what people type; `services.py` writes.

Numbers are typed with Persian, Arabic or Latin digits and either decimal separator («۱۲٫۵», «12.5»).
Choice fields list only what the user may act on (the offices an evaluator evaluates), so a form cannot
reach outside the user's scope.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ayneh.core.jalali import MONTHS as JALALI_MONTHS
from ayneh.core.jalali import ascii_digits, persian_digits, to_jalali
from ayneh.evaluation.models import Framework, Indicator, Period, PeriodKind
from ayneh.evaluation.scoring import MAX_RATING
from ayneh.evaluation.services import QUARTER_NAMES
from ayneh.newsroom.uploads import validate_attachment
from ayneh.offices.models import Office, Tier

# Persian and Arabic decimal separators and the thousands separators people paste from spreadsheets.
_DECIMAL_SEPARATORS = str.maketrans({"٫": ".", "،": ".", "٬": "", ",": ""})
# Jalali years the forms accept: wide enough for any real period, narrow enough to catch a Gregorian year.
FIRST_YEAR, LAST_YEAR = 1380, 1500
TEXT_LIMIT = 4000


def _ascii_number(value: Any) -> Any:
    if isinstance(value, str):
        return ascii_digits(value).translate(_DECIMAL_SEPARATORS).strip()
    return value


class PersianFloatField(forms.FloatField):
    """A number typed in any digits («۱۲٫۵»); shown back in Persian digits."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr", "class": "number-input"})

    def to_python(self, value: Any) -> Any:  # FloatField narrows IntegerField's int to float
        return super().to_python(_ascii_number(value))

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, float):
            value = f"{value:g}"
        return persian_digits(value) if value not in (None, "") else value


class PersianIntegerField(forms.IntegerField):
    widget = forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "class": "number-input"})

    def to_python(self, value: Any) -> int | None:
        return super().to_python(_ascii_number(value))

    def prepare_value(self, value: Any) -> Any:
        return persian_digits(value) if value not in (None, "") else value


def current_jalali_year() -> int:
    return to_jalali(timezone.now()).year


# --- frameworks -----------------------------------------------------------------------------------------


class FrameworkCopyForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the new version"),
        max_length=255,
        required=False,
        help_text=_("Empty: the same title as the framework copied."),
    )


class AxisWeightForm(forms.Form):
    weight = PersianFloatField(label=_("Weight"), min_value=0, max_value=100)


class IndicatorForm(forms.Form):
    """An indicator's weight, its target per office tier (empty: no target for that tier) and, for an
    evaluator indicator, its five rubric texts (levels 0 to 4)."""

    weight = PersianFloatField(label=_("Weight"), min_value=0, max_value=100)

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.has_rubric = indicator.source == "eval"
        self.tiers = list(indicator.framework.tiers)
        tier_names = dict(Tier.choices)
        if not self.has_rubric:
            for tier in self.tiers:
                self.fields[f"target_{tier}"] = PersianFloatField(
                    label=_("Target for %(tier)s") % {"tier": tier_names.get(tier, tier)},
                    required=False,
                    min_value=0,
                )
        else:
            for level in range(MAX_RATING + 1):
                self.fields[f"rubric_{level}"] = forms.CharField(
                    label=_("Rubric level %(level)s") % {"level": persian_digits(level)},
                    max_length=TEXT_LIMIT,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    @classmethod
    def initial_for(cls, indicator: Indicator) -> dict[str, Any]:
        initial: dict[str, Any] = {"weight": float(indicator.weight)}
        for tier in indicator.framework.tiers:
            initial[f"target_{tier}"] = indicator.targets.get(tier)
        for level, text in enumerate(indicator.rubric or []):
            initial[f"rubric_{level}"] = text
        return initial

    def target_fields(self) -> list[forms.BoundField]:
        return [self[f"target_{tier}"] for tier in self.tiers] if not self.has_rubric else []

    def rubric_fields(self) -> list[forms.BoundField]:
        return [self[f"rubric_{level}"] for level in range(MAX_RATING + 1)] if self.has_rubric else []

    def changes(self) -> dict[str, Any]:
        """Keyword arguments for `services.indicator_update`."""
        data = self.cleaned_data
        changes: dict[str, Any] = {"weight": data["weight"]}
        if self.has_rubric:
            changes["rubric"] = [data[f"rubric_{level}"].strip() for level in range(MAX_RATING + 1)]
        else:
            changes["targets"] = {tier: data.get(f"target_{tier}") for tier in self.tiers}
        return changes


# --- periods --------------------------------------------------------------------------------------------

ALL_OFFICES = "all"


class FrameworkChoiceField(forms.ModelChoiceField):
    """Frameworks named as evaluators read them: «title (نسخه ۲)», frozen ones marked."""

    def label_from_instance(self, obj: Any) -> str:
        label = _("%(title)s (version %(version)s)") % {"title": obj.title, "version": persian_digits(obj.version)}
        return f"{label} — {_('in use')}" if obj.is_frozen else str(label)


class PeriodOpenForm(forms.Form):
    """Which framework, which Jalali year, quarter or month, and which offices: all the evaluator
    evaluates in the framework's tiers, or one tier of them."""

    framework = FrameworkChoiceField(label=_("Framework"), queryset=Framework.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices, initial=PeriodKind.QUARTER)
    year = PersianIntegerField(label=_("Jalali year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        choices=[("", "—"), *QUARTER_NAMES.items()],
        required=False,
        help_text=_("For a quarterly period."),
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        choices=[("", "—"), *enumerate(JALALI_MONTHS, start=1)],
        required=False,
        help_text=_("For a monthly period."),
    )
    scope = forms.ChoiceField(label=_("Offices"))
    objection_days = PersianIntegerField(
        label=_("Objection window (days)"),
        min_value=0,
        max_value=90,
        initial=14,
        help_text=_("Days after the first publication in which an office may object to a score."),
    )

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        """`offices`: the offices the evaluator may evaluate (a queryset)."""
        super().__init__(*args, **kwargs)
        self.offices = offices
        self.fields["framework"].queryset = Framework.objects.order_by("code", "-version")  # type: ignore[attr-defined]
        self.fields["year"].initial = current_jalali_year()
        tiers = [tier for tier in Tier if tier != Tier.MINISTRY]
        self.fields["scope"].choices = [  # type: ignore[attr-defined]
            (ALL_OFFICES, _("All offices of the framework's tiers")),
            *[(tier.value, _("Only: %(tier)s") % {"tier": tier.label}) for tier in tiers],
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == PeriodKind.QUARTER and not data.get("quarter"):
            self.add_error("quarter", _("Choose the quarter."))
        if kind == PeriodKind.MONTH and not data.get("month"):
            self.add_error("month", _("Choose the month."))
        framework, year = data.get("framework"), data.get("year")
        if framework is not None and year is not None and kind and not self.errors:
            if Period.objects.filter(framework=framework, kind=kind, jalali_year=year, number=self.number()).exists():
                raise ValidationError(_("A period of this kind and date is already open on this framework."))
            if not self.chosen_offices():
                self.add_error("scope", _("None of the offices you evaluate is in this group."))
        return data

    def number(self) -> int:
        kind = self.cleaned_data.get("kind")
        if kind == PeriodKind.QUARTER:
            return int(self.cleaned_data.get("quarter") or 0)
        if kind == PeriodKind.MONTH:
            return int(self.cleaned_data.get("month") or 0)
        return 0

    def chosen_offices(self) -> list[Office]:
        framework: Framework = self.cleaned_data["framework"]
        scope = self.cleaned_data.get("scope")
        tiers = list(framework.tiers) if scope == ALL_OFFICES else [scope]
        return list(self.offices.filter(tier__in=tiers).order_by("path"))


class ConfirmForm(forms.Form):
    """Publishing freezes the ranking: the evaluator ticks that they mean it."""

    confirm = forms.BooleanField(
        label=_("I have reviewed the values and want to publish the ranking; it cannot be changed afterwards."),
        error_messages={"required": _("Tick the box to confirm the publication.")},
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the published ranking corrected?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- ratings and records --------------------------------------------------------------------------------


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(level, persian_digits(level)) for level in range(MAX_RATING + 1)],
        error_messages={"required": _("Choose a rating from 0 to 4.")},
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Explain the rating: a comment is required.")},
    )


class RecordForm(forms.Form):
    """A logged indicator's value for the office, with its evidence file."""

    actual = PersianFloatField(label=_("Value"), min_value=0)
    note = forms.CharField(
        label=_("Description"), max_length=TEXT_LIMIT, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = forms.FileField(
        label=_("Evidence file"),
        required=False,
        validators=[validate_attachment],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
        help_text=_("PDF, JPEG, PNG or WebP. A new file replaces the previous one."),
    )


class EvidenceForm(forms.Form):
    """The office's evidence for an evaluator indicator (rated by the evaluators)."""

    evidence = forms.FileField(
        label=_("Evidence file"),
        validators=[validate_attachment],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
        help_text=_("PDF, JPEG, PNG or WebP. A new file replaces the previous one."),
    )
    note = forms.CharField(
        label=_("Description"), max_length=TEXT_LIMIT, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


# --- objections -----------------------------------------------------------------------------------------


class ObjectionForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    text = forms.CharField(
        label=_("What is wrong with the score?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what is wrong with the score.")},
    )

    def __init__(self, *args: Any, period: Period, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = period.framework.indicators.order_by("position", "id")  # type: ignore[attr-defined]


ACCEPT, REJECT = "accept", "reject"


class ObjectionAnswerForm(forms.Form):
    """The evaluator's decision. Accepting corrects the value — a new rating for an evaluator indicator, a
    new value for a logged or survey one, a recomputation for an automatic one — and publishes a new
    revision whose reason is the answer."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ACCEPT, _("Accept and publish a corrected revision")), (REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Reason for the decision"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for the decision.")},
    )

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        if indicator.source == "eval":
            self.fields["rating"] = forms.TypedChoiceField(
                label=_("Corrected rating"),
                coerce=int,
                required=False,
                choices=[("", "—"), *[(level, persian_digits(level)) for level in range(MAX_RATING + 1)]],
            )
        elif indicator.source in ("log", "survey"):
            self.fields["actual"] = PersianFloatField(label=_("Corrected value"), required=False, min_value=0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == ACCEPT:
            if "rating" in self.fields and data.get("rating") in (None, ""):
                self.add_error("rating", _("Choose the corrected rating."))
            if "actual" in self.fields and data.get("actual") is None:
                self.add_error("actual", _("Enter the corrected value."))
        return data
