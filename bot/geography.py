"""Oblasts, rayons and cities of Kyrgyzstan, loaded from the shipped data file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from messages import Language


@dataclass(frozen=True, slots=True)
class Rayon:
    """A rayon (district) of an oblast."""

    code: str
    region_code: str
    ky: str
    ru: str

    def name(self, language: Language) -> str:
        """Short name as shown on a button: «Аксы» / «Аксыйский»."""
        return self.ky if language == "ky" else self.ru


@dataclass(frozen=True, slots=True)
class Region:
    """An oblast, or a city of republican significance (which has no rayons here)."""

    code: str
    ky: str
    ru: str
    is_city: bool
    rayons: tuple[Rayon, ...]

    def name(self, language: Language) -> str:
        """Full name: «Жалал-Абад облусу» / «Джалал-Абадская область»."""
        return self.ky if language == "ky" else self.ru


@dataclass(frozen=True, slots=True)
class Geography:
    """Every region and rayon, looked up by code."""

    regions: tuple[Region, ...]

    def region(self, code: str | None) -> Region | None:
        """The region with this code, or None for an unknown or empty code."""
        return next((r for r in self.regions if r.code == code), None)

    def rayon(self, code: str | None) -> Rayon | None:
        """The rayon with this code, or None for an unknown or empty code."""
        return next((y for r in self.regions for y in r.rayons if y.code == code), None)


def load_geography() -> Geography:
    """Read `bot/data/regions.toml`."""
    raw = tomllib.loads(resources.files("bot").joinpath("data/regions.toml").read_text("utf-8"))
    regions = []
    for item in raw["region"]:
        rayons = tuple(
            Rayon(code=y["code"], region_code=item["code"], ky=y["ky"], ru=y["ru"])
            for y in item["rayons"]
        )
        regions.append(
            Region(
                code=item["code"],
                ky=item["ky"],
                ru=item["ru"],
                is_city=bool(item.get("city", False)),
                rayons=rayons,
            )
        )
    return Geography(regions=tuple(regions))
