"""The office registry: the ministry, its provincial directorates-general, HQ units and affiliated
organisations as a tree; and memberships that give users roles on offices."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ayneh.offices.roles import Role

# Lower-case ASCII slugs only: paths are compared by prefix, and SQLite's LIKE ignores ASCII case, so
# "/ministry/DG-a/" would otherwise fall under a role held on "/ministry/dg-a/". The registry file uses the
# same alphabet (ayneh.text.registry).
office_code_validator = RegexValidator(
    r"^[a-z0-9-]+\Z", _("Use lower-case Latin letters, digits and hyphens only."), code="invalid_office_code"
)


class Tier(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    PROVINCIAL_DG = "provincial_dg", _("Provincial directorate-general")
    HQ_UNIT = "hq_unit", _("Headquarters unit")
    AFFILIATED = "affiliated", _("Affiliated organisation")


class Office(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        validators=[office_code_validator],
        help_text=_("A stable identifier used in addresses and feeds, e.g. dg-khuzestan. It cannot be changed."),
    )
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices)
    province = models.CharField(_("province"), max_length=60, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of codes ("/ministry/dg-khuzestan/"): "this office and everything below it" is one
    # prefix query, which is how a role on a parent office covers its children.
    path = models.CharField(_("path"), max_length=1024, db_index=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def save(self, *args: object, **kwargs: object) -> None:
        # Keeping the path in step with the parent is this row's own invariant (descendants are moved by
        # the service that re-parents an office).
        self.path = (self.parent.path if self.parent else "/") + f"{self.code}/"
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class OfficeAlias(models.Model):
    """A short or common written form of an office's name, as news text writes it."""

    office = models.ForeignKey(Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(_("alias"), max_length=255)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [models.UniqueConstraint(fields=["office", "text"], name="office_alias_unique")]

    def __str__(self) -> str:
        return self.text


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    office = models.ForeignKey(Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "office", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.office}"
