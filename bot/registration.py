"""The registration flow as pure rules: which step comes next, and what an answer changes."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from bot.geography import Geography
from bot.roles import NEEDS, is_role
from storage.registration_drafts import RegistrationDraft

Step = Literal["lang", "role", "region", "rayon", "org", "orgc", "phone", "sum"]
ORDER: tuple[Step, ...] = ("lang", "role", "region", "rayon", "org", "phone")
STEPS: tuple[Step, ...] = (*ORDER, "orgc", "sum")

_PHONE = re.compile(r"^\+?\d{9,15}$")


def is_step(value: str) -> bool:
    """True for a step name that can appear in callback data."""
    return value in STEPS


def is_needed(step: Step, draft: RegistrationDraft, geography: Geography) -> bool:
    """Whether this person is asked this step at all, given the answers so far."""
    if step in ("lang", "role", "phone"):
        return True
    needs = NEEDS[draft.role] if is_role(draft.role) else None
    if needs is None:
        return False
    if step == "region":
        return needs.region
    if step == "rayon":
        region = geography.region(draft.region_code)
        return needs.rayon and region is not None and bool(region.rayons)
    if step == "org":
        return needs.organisation
    return False


def is_missing(step: Step, draft: RegistrationDraft) -> bool:
    """Whether the step still lacks an answer."""
    if step == "role":
        return draft.role is None
    if step == "region":
        return draft.region_code is None
    if step == "rayon":
        return draft.rayon_code is None
    if step == "org":
        return draft.organisation_id is None and draft.new_organisation is None
    if step == "phone":
        return not draft.phone_asked
    return False


def next_step(draft: RegistrationDraft, geography: Geography) -> Step:
    """The first needed step without an answer; the summary once all are answered."""
    for step in ORDER:
        if is_needed(step, draft, geography) and is_missing(step, draft):
            return step
    return "sum"


def previous_step(step: Step, geography: Geography, draft: RegistrationDraft) -> Step:
    """The needed step before this one, for the Back button."""
    if step == "orgc":
        return "org"
    position = ORDER.index(step) if step in ORDER else len(ORDER)
    for earlier in reversed(ORDER[:position]):
        if is_needed(earlier, draft, geography):
            return earlier
    return "lang"


def with_role(draft: RegistrationDraft, role: str) -> RegistrationDraft:
    """Set the role; answers the new role does not ask for are dropped."""
    if not is_role(role):
        raise ValueError(role)
    needs = NEEDS[role]
    return replace(
        draft,
        role=role,
        region_code=draft.region_code if needs.region else None,
        rayon_code=draft.rayon_code if needs.rayon else None,
        organisation_id=draft.organisation_id if needs.organisation else None,
        new_organisation=draft.new_organisation if needs.organisation else None,
    )


def with_region(draft: RegistrationDraft, region_code: str) -> RegistrationDraft:
    """Set the region; a different region clears the rayon and organisation."""
    if region_code == draft.region_code:
        return draft
    return replace(
        draft, region_code=region_code, rayon_code=None, organisation_id=None, new_organisation=None
    )


def with_rayon(draft: RegistrationDraft, rayon_code: str) -> RegistrationDraft:
    """Set the rayon; a different rayon clears the organisation."""
    if rayon_code == draft.rayon_code:
        return draft
    return replace(draft, rayon_code=rayon_code, organisation_id=None, new_organisation=None)


def normalise_phone(text: str) -> str | None:
    """A typed or shared number as +996…; None when it is not a phone number."""
    digits = re.sub(r"[\s()\-]", "", text)
    if not _PHONE.match(digits):
        return None
    if digits.startswith("+"):
        return digits
    if digits.startswith("0") and len(digits) == 10:
        return "+996" + digits[1:]
    if len(digits) == 9:
        return "+996" + digits
    return "+" + digits
