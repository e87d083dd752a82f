"""Who may act on which office: a role covers its office and everything below it, and nothing else."""

from django.contrib.auth.models import AnonymousUser

from ayneh.accounts.models import User
from ayneh.offices.access import offices_for_user, user_can
from ayneh.offices.models import Office
from ayneh.offices.roles import Action, Role
from ayneh.offices.services import office_move
from tests.factories import membership_make, office_make, user_make


def _codes(user: object, action: Action) -> set[str]:
    return set(offices_for_user(user=user, action=action).values_list("code", flat=True))


def test_an_editor_of_khuzestan_sees_and_edits_khuzestan(khuzestan_editor: User, khuzestan: Office) -> None:
    assert user_can(user=khuzestan_editor, office=khuzestan, action=Action.VIEW)
    assert user_can(user=khuzestan_editor, office=khuzestan, action=Action.EDIT)
    assert not user_can(user=khuzestan_editor, office=khuzestan, action=Action.REVIEW)


def test_an_editor_of_khuzestan_has_no_view_on_fars(khuzestan_editor: User, fars: Office) -> None:
    for action in Action:
        assert not user_can(user=khuzestan_editor, office=fars, action=action)
    assert _codes(khuzestan_editor, Action.VIEW) == {"dg-khuzestan"}


def test_an_editor_of_khuzestan_has_no_view_on_the_ministry_above_it(khuzestan_editor: User, ministry: Office) -> None:
    assert not user_can(user=khuzestan_editor, office=ministry, action=Action.VIEW)


def test_the_head_of_khuzestan_reviews_khuzestan_only(khuzestan_head: User, khuzestan: Office, fars: Office) -> None:
    assert user_can(user=khuzestan_head, office=khuzestan, action=Action.REVIEW)
    assert not user_can(user=khuzestan_head, office=fars, action=Action.REVIEW)


def test_a_role_on_the_ministry_covers_every_office_below_it(
    ministry_evaluator: User, khuzestan: Office, fars: Office
) -> None:
    below_khuzestan = office_make(parent=khuzestan, code="khuzestan-unit")
    assert _codes(ministry_evaluator, Action.VIEW) == {"ministry", "dg-khuzestan", "dg-fars", below_khuzestan.code}
    assert user_can(user=ministry_evaluator, office=fars, action=Action.EVALUATE)


def test_a_role_on_a_province_covers_its_sub_offices(khuzestan_editor: User, khuzestan: Office) -> None:
    unit = office_make(parent=khuzestan, code="khuzestan-ahvaz")
    assert user_can(user=khuzestan_editor, office=unit, action=Action.EDIT)


def test_a_manager_only_views(ministry_manager: User, khuzestan: Office) -> None:
    assert user_can(user=ministry_manager, office=khuzestan, action=Action.VIEW)
    for action in (Action.EDIT, Action.REVIEW, Action.EVALUATE):
        assert not user_can(user=ministry_manager, office=khuzestan, action=action)


def test_an_inactive_user_sees_nothing(khuzestan: Office) -> None:
    user = user_make(role=Role.HEAD, office=khuzestan, is_active=False)
    for action in Action:
        assert not offices_for_user(user=user, action=action).exists()


def test_a_user_without_memberships_sees_nothing(db: None, khuzestan: Office) -> None:
    assert not offices_for_user(user=user_make(), action=Action.VIEW).exists()


def test_an_anonymous_visitor_sees_nothing(khuzestan: Office) -> None:
    assert not offices_for_user(user=AnonymousUser(), action=Action.VIEW).exists()


def test_an_administrator_sees_every_office(administrator: User, khuzestan: Office, fars: Office) -> None:
    for action in Action:
        assert _codes(administrator, action) == set(Office.objects.values_list("code", flat=True))


def test_an_office_whose_code_starts_like_anothers_is_not_covered(khuzestan_editor: User) -> None:
    # "/ministry/dg-khuzestan-2/" begins with the characters of "/ministry/dg-khuzestan" but is not below it.
    sibling = office_make(code="dg-khuzestan-2")
    assert not user_can(user=khuzestan_editor, office=sibling, action=Action.VIEW)


def test_roles_on_two_offices_add_up(khuzestan_editor: User, khuzestan: Office, fars: Office) -> None:
    membership_make(user=khuzestan_editor, office=fars, role=Role.HEAD)
    assert user_can(user=khuzestan_editor, office=fars, action=Action.REVIEW)
    assert not user_can(user=khuzestan_editor, office=khuzestan, action=Action.REVIEW)


def test_access_follows_an_office_that_moves(khuzestan_editor: User, khuzestan: Office, fars: Office) -> None:
    unit = office_make(parent=fars, code="shiraz-unit")
    assert not user_can(user=khuzestan_editor, office=unit, action=Action.VIEW)
    office_move(office=unit, parent=khuzestan)
    assert user_can(user=khuzestan_editor, office=unit, action=Action.VIEW)
