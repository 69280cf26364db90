"""Typed names, loose matching, reference data and the registration steps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.geography import load_geography
from bot.names import MAX_NAME_LENGTH, clean_name, closest, has_letters, match_key
from bot.registration import next_step, normalise_phone, previous_step, with_region, with_role
from bot.roles import ROLES
from storage.registration_drafts import RegistrationDraft

GEOGRAPHY = load_geography()


def test_regions_match_the_domain() -> None:
    oblasts = [r for r in GEOGRAPHY.regions if not r.is_city]
    cities = [r for r in GEOGRAPHY.regions if r.is_city]
    assert len(oblasts) == 7 and len(cities) == 2
    assert sum(len(r.rayons) for r in oblasts) == 40
    jalal_abad = GEOGRAPHY.region("jalal-abad")
    assert jalal_abad is not None and len(jalal_abad.rayons) == 8
    assert jalal_abad.name("ky") == "Жалал-Абад облусу"
    assert GEOGRAPHY.rayon("uzgen") is not None and GEOGRAPHY.rayon("uzgen").ru == "Узгенский"  # type: ignore[union-attr]
    assert GEOGRAPHY.rayon("jeti-oguz").ky == "Жети-Өгүз"  # type: ignore[union-attr]


def test_codes_are_unique_and_fit_in_callback_data() -> None:
    codes = [r.code for r in GEOGRAPHY.regions] + [
        y.code for r in GEOGRAPHY.regions for y in r.rayons
    ]
    assert len(codes) == len(set(codes))
    longest_role = max(ROLES, key=len)
    for code in codes:
        # The longest callback built from codes: the staff invitation with region, rayon, role.
        data = f"inv:o:{max(codes, key=len)}:{code}:{longest_role}"
        assert len(data.encode()) <= 64 and code.isascii()


@pytest.mark.parametrize(
    "typed",
    ["Кеңеш", "кенеш", "  КЕНЕШ  ", "а/о Кеңеш", "Кеңеш айыл өкмөтү", "«Кеңеш»", "🏔 Кеңеш 🙂"],
)
def test_loose_spellings_share_a_key(typed: str) -> None:
    assert match_key(typed) == "кенеш"


def test_clean_name_keeps_kyrgyz_letters_and_drops_emoji() -> None:
    assert clean_name("🌾🌾 Бешик-Жон 🌾") == "Бешик-Жон"
    assert clean_name("Өзгөн\n  шаары") == "Өзгөн шаары"
    assert not has_letters(clean_name("🙂🙂🙂"))
    assert len(clean_name("А" * 300)) > MAX_NAME_LENGTH


def test_closest_finds_a_typo_but_not_a_stranger() -> None:
    known = {"кенеш": 1, "бешик жон": 2}
    assert closest("кенешь", known) == 1
    assert closest("бешик жоон", known) == 2
    assert closest("масы", known) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("+996 700 123 456", "+996700123456"),
        ("0700123456", "+996700123456"),
        ("700123456", "+996700123456"),
        ("hello", None),
        ("12", None),
    ],
)
def test_phone_numbers(typed: str, expected: str | None) -> None:
    assert normalise_phone(typed) == expected


def _draft(**changes: object) -> RegistrationDraft:
    return replace(RegistrationDraft(telegram_id=1, step="lang", language="ky"), **changes)  # type: ignore[arg-type]


def test_steps_for_an_ayil_okmotu_head() -> None:
    draft = _draft(role="ao_head")
    assert next_step(draft, GEOGRAPHY) == "region"
    draft = with_region(draft, "jalal-abad")
    assert next_step(draft, GEOGRAPHY) == "rayon"
    draft = replace(draft, rayon_code="suzak")
    assert next_step(draft, GEOGRAPHY) == "org"
    draft = replace(draft, new_organisation="Кеңеш")
    assert next_step(draft, GEOGRAPHY) == "phone"
    assert next_step(replace(draft, phone_asked=True), GEOGRAPHY) == "sum"
    assert previous_step("org", GEOGRAPHY, draft) == "rayon"


def test_steps_skip_what_a_role_does_not_need() -> None:
    agency = _draft(role="state_agency")
    assert next_step(agency, GEOGRAPHY) == "phone"
    assert previous_step("phone", GEOGRAPHY, agency) == "role"
    oblast = _draft(role="oblast_admin", region_code="naryn")
    assert next_step(oblast, GEOGRAPHY) == "phone"
    city = _draft(role="other", region_code="bishkek")
    assert next_step(city, GEOGRAPHY) == "org"  # a city has no rayons to ask


def test_changing_region_or_role_drops_answers_that_no_longer_fit() -> None:
    draft = _draft(role="ao_head", region_code="jalal-abad", rayon_code="suzak", organisation_id=3)
    moved = with_region(draft, "issyk-kul")
    assert (moved.rayon_code, moved.organisation_id) == (None, None)
    assert with_region(draft, "jalal-abad") == draft
    agency = with_role(draft, "state_agency")
    assert (agency.region_code, agency.rayon_code, agency.organisation_id) == (None, None, None)
