"""The roles people hold, and which registration steps each one needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeGuard

Role = Literal[
    "ao_head",
    "ao_deputy",
    "rayon_admin",
    "oblast_admin",
    "state_agency",
    "project_staff",
    "other",
]
ROLES: tuple[Role, ...] = (
    "ao_head",
    "ao_deputy",
    "rayon_admin",
    "oblast_admin",
    "state_agency",
    "project_staff",
    "other",
)


@dataclass(frozen=True, slots=True)
class RoleNeeds:
    """Which places and names a person of this role is asked for."""

    region: bool
    rayon: bool
    organisation: bool


NEEDS: dict[Role, RoleNeeds] = {
    "ao_head": RoleNeeds(region=True, rayon=True, organisation=True),
    "ao_deputy": RoleNeeds(region=True, rayon=True, organisation=True),
    # The administration is named by its rayon or oblast; asking for a name adds nothing.
    "rayon_admin": RoleNeeds(region=True, rayon=True, organisation=False),
    "oblast_admin": RoleNeeds(region=True, rayon=False, organisation=False),
    "state_agency": RoleNeeds(region=False, rayon=False, organisation=False),
    "project_staff": RoleNeeds(region=False, rayon=False, organisation=False),
    "other": RoleNeeds(region=True, rayon=True, organisation=True),
}


def is_role(value: object) -> TypeGuard[Role]:
    """True for a known role code."""
    return value in ROLES
