"""The custom user. Roles are not on the user: they come from office memberships (ayneh.offices)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    is_demo = models.BooleanField(
        _("demo account"), default=False, help_text=_("Created by `ayneh demo`; shown as demo in the interface.")
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.get_username()
