"""Build the POST data a browser would send for an admin change form, from the page the admin rendered,
so admin tests change only the fields they are about."""

from typing import Any

from django.forms import BaseForm, BaseFormSet


def _form_fields(form: BaseForm) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in form.fields:
        bound = form[name]
        value = bound.value()
        if value is None or value is False:
            continue  # an unchecked box or an empty choice is simply not sent
        if value is True:
            value = "on"
        data[bound.html_name] = value
    return data


def _formset_fields(formset: BaseFormSet) -> dict[str, Any]:
    data = _form_fields(formset.management_form)
    for form in formset.forms:
        data.update(_form_fields(form))
    return data


def admin_form_data(response: Any) -> dict[str, Any]:
    """Everything the change page would submit unchanged: the main form and every inline formset."""
    data = _form_fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data.update(_formset_fields(inline.formset))
    return data
