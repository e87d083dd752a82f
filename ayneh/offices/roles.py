"""Roles and what each may do: the one place where a role's permissions are written down.

A role is held through a membership on an office and covers that office and every office below it.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    EDITOR = "editor", _("Office editor")
    HEAD = "head", _("Office head")
    EVALUATOR = "evaluator", _("Evaluator")
    MANAGER = "manager", _("Manager")


class Action(StrEnum):
    VIEW = "view"  # read an office's internal data (drafts, events, review history)
    EDIT = "edit"  # create and change drafts and events, submit for review
    REVIEW = "review"  # approve, publish, request changes, withdraw
    EVALUATE = "evaluate"  # score, publish rankings (evaluation issue)


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.EDITOR: frozenset({Action.VIEW, Action.EDIT}),
    Role.HEAD: frozenset({Action.VIEW, Action.EDIT, Action.REVIEW}),
    Role.EVALUATOR: frozenset({Action.VIEW, Action.EVALUATE}),
    Role.MANAGER: frozenset({Action.VIEW}),
}


def roles_allowing(action: Action) -> list[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]
