"""Which flow a person's next typed text belongs to: the one that last saved its state."""

from __future__ import annotations

from storage.database import Database, Params
from storage.personal_data import PersonalData, delete_rows, export_rows


async def save_claiming(
    db: Database, sql: str, params: Params, *, telegram_id: int, feature: str
) -> None:
    """Write a flow's state and make that flow the reader of the person's next text."""
    async with db.transaction() as connection:
        await connection.execute(sql, params)
        await connection.execute(
            "INSERT OR REPLACE INTO input_focus (telegram_id, feature) VALUES (?, ?)",
            (telegram_id, feature),
        )


async def end_releasing(
    db: Database, sql: str, params: Params, *, telegram_id: int, feature: str
) -> None:
    """End a flow (delete or close its state); if it held the person's text, nobody does now."""
    async with db.transaction() as connection:
        await connection.execute(sql, params)
        await connection.execute(
            "DELETE FROM input_focus WHERE telegram_id = ? AND feature = ?",
            (telegram_id, feature),
        )


async def delete_flow(
    db: Database, table: str, *, telegram_id: int, feature: str, column: str = "telegram_id"
) -> None:
    """Delete a person's state row of a flow (a draft) and release their text."""
    await end_releasing(
        db,
        f"DELETE FROM {table} WHERE {column} = ?",
        (telegram_id,),
        telegram_id=telegram_id,
        feature=feature,
    )


class InputFocusRepository:
    """The `input_focus` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def owner(self, telegram_id: int) -> str | None:
        """The feature holding the person's next text, or None."""
        row = await self._db.fetch_one(
            "SELECT feature FROM input_focus WHERE telegram_id = ?", (telegram_id,)
        )
        return str(row["feature"]) if row else None

    async def may_read(self, telegram_id: int, feature: str) -> bool:
        """Whether `feature` may take this person's text: it holds it, or nobody does."""
        return await self.owner(telegram_id) in (None, feature)


PERSONAL_DATA = PersonalData(
    "input_focus",
    export_rows("typing_for", "SELECT feature FROM input_focus WHERE telegram_id = ?", one=True),
    delete_rows(("input_focus", "telegram_id")),
)
