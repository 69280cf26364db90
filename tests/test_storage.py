"""The database: PRAGMAs, migrations, refusing a newer file, and the repositories."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.names import match_key
from storage.database import Database, DatabaseTooNew, from_db, load_migrations, to_db
from storage.organisations import OrganisationRepository
from storage.people import PersonRepository, Profile
from storage.registration_drafts import RegistrationDraft, RegistrationDraftRepository

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path: Path) -> Database:
    database = await Database.open(tmp_path / "nested" / "bot.sqlite3")
    await database.migrate()
    yield database  # type: ignore[misc]
    await database.close()


async def test_pragmas_and_folder(db: Database) -> None:
    assert db.path.parent.is_dir()
    assert (await db.fetch_one("PRAGMA journal_mode"))[0] == "wal"  # type: ignore[index]
    assert (await db.fetch_one("PRAGMA foreign_keys"))[0] == 1  # type: ignore[index]
    assert (await db.fetch_one("PRAGMA busy_timeout"))[0] == 5000  # type: ignore[index]


async def test_migrations_are_numbered_and_applied_once(db: Database) -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert await db.schema_version() == len(migrations)
    assert await db.migrate() == len(migrations)  # a second run changes nothing


async def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    database = await Database.open(path)
    await database.execute("PRAGMA user_version = 999")
    with pytest.raises(DatabaseTooNew, match="999"):
        await database.migrate()
    await database.close()


async def test_failed_transaction_rolls_back(db: Database) -> None:
    repository = OrganisationRepository(db)
    with pytest.raises(RuntimeError):
        async with db.transaction() as connection:
            await connection.execute(
                "INSERT INTO organisations (region_code, rayon_code, name, match_key, created_at)"
                " VALUES ('jalal-abad', 'suzak', 'Кеңеш', 'кенеш', ?)",
                (to_db(NOW),),
            )
            raise RuntimeError("crash mid-way")
    assert await repository.in_place("jalal-abad", "suzak") == []


def test_times_are_utc_and_aware() -> None:
    stored = to_db(datetime(2019, 7, 10, 9, 30, tzinfo=ZoneInfo("Asia/Bishkek")))
    assert stored == "2019-07-10T03:30:00+00:00"
    assert from_db(stored).tzinfo is not None
    with pytest.raises(ValueError):
        to_db(datetime(2019, 7, 10))  # noqa: DTZ001 - the point is that naive is refused


async def test_organisation_same_key_is_one_row(db: Database) -> None:
    repository = OrganisationRepository(db)
    first = await repository.add("jalal-abad", "suzak", "Кеңеш", match_key("Кеңеш"), NOW)
    second = await repository.add("jalal-abad", "suzak", "а/о Кенеш", match_key("а/о Кенеш"), NOW)
    other_rayon = await repository.add("jalal-abad", "aksy", "Кеңеш", match_key("Кеңеш"), NOW)
    assert first.id == second.id and second.name == "Кеңеш"
    assert other_rayon.id != first.id
    assert [o.name for o in await repository.in_place("jalal-abad", "suzak")] == ["Кеңеш"]


async def test_person_save_and_update(db: Database) -> None:
    organisations = OrganisationRepository(db)
    kenesh = await organisations.add("jalal-abad", "suzak", "Кеңеш", "кенеш", NOW)
    people = PersonRepository(db)
    profile = Profile(
        telegram_id=1001,
        first_name="Алия",
        last_name=None,
        username=None,
        language="ky",
        role="ao_head",
        region_code="jalal-abad",
        rayon_code="suzak",
        organisation_id=kenesh.id,
        phone="+996700123456",
        invitation_code=None,
    )
    person = await people.save(profile, NOW)
    assert person.organisation_name == "Кеңеш" and person.subscribed and person.reachable
    await people.set_subscribed(1001, False, NOW)
    await people.set_reachable(1001, False, NOW)
    assert await people.count_subscribed() == 0
    person = await people.save(profile, NOW)  # registering again subscribes again
    assert person.subscribed and person.reachable
    assert await people.count_subscribed() == 1


async def test_draft_round_trip(db: Database) -> None:
    drafts = RegistrationDraftRepository(db)
    draft = RegistrationDraft(
        telegram_id=7,
        step="org",
        language="ru",
        role="ao_head",
        region_code="issyk-kul",
        rayon_code="ton",
        new_organisation="Тоң",
        phone_asked=True,
    )
    await drafts.save(draft, NOW)
    assert await drafts.get(7) == draft
    await drafts.delete(7)
    assert await drafts.get(7) is None
