"""The public search form: a query and an optional office."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ayneh.offices.models import Office
from ayneh.public.selectors import public_offices
from ayneh.search.terms import MAX_QUERY_CHARS


class OfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Office) -> str:
        return obj.short_name or obj.name


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=MAX_QUERY_CHARS,
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("e.g. insurance of construction workers"), "autocomplete": "off"}
        ),
    )
    office = OfficeChoiceField(
        label=_("Office"),
        queryset=Office.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All offices"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["office"].queryset = public_offices()  # type: ignore[attr-defined]
