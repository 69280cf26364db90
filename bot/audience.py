"""Who a seminar or a broadcast is for: places, roles and languages."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storage.people import Person
from storage.seminars import Place, Seminar


@dataclass(frozen=True, slots=True)
class Audience:
    """A selection of people; an empty part means "any"."""

    places: tuple[Place, ...] = ()
    roles: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @classmethod
    def of_seminar(cls, seminar: Seminar) -> Audience:
        """The people a seminar invites: its places and roles, any language."""
        return cls(places=seminar.fields.places, roles=seminar.fields.roles)

    def to_json(self) -> str:
        """The stored form."""
        return json.dumps(
            {
                "places": [[p.region_code, p.rayon_code] for p in self.places],
                "roles": list(self.roles),
                "languages": list(self.languages),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Audience:
        """Read the stored form back."""
        raw: dict[str, Any] = json.loads(text or "{}")
        return cls(
            places=tuple(Place(region, rayon) for region, rayon in raw.get("places", [])),
            roles=tuple(raw.get("roles", [])),
            languages=tuple(raw.get("languages", [])),
        )

    def includes(self, person: Person) -> bool:
        """Whether the person belongs to this audience.

        People without a place (the State Agency, project staff) are in a place-bound audience
        only when their role is invited by name: the Agency is invited to every oblast's seminar.
        """
        if self.roles and person.role not in self.roles:
            return False
        if self.languages and person.language not in self.languages:
            return False
        if not self.places:
            return True
        if person.region_code is None:
            return bool(self.roles)
        return any(
            place.region_code == person.region_code
            and (place.rayon_code is None or place.rayon_code == person.rayon_code)
            for place in self.places
        )

    def select(self, people: Iterable[Person]) -> list[Person]:
        """The people of `people` in this audience, in the order given."""
        return [person for person in people if self.includes(person)]
