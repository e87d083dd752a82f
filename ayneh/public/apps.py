from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The anonymous-facing newsroom: front page, office pages, release pages, feeds, search."""

    name = "ayneh.public"
    label = "public"
    verbose_name = _("Public newsroom")
