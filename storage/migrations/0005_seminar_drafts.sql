-- Seminars being created or edited by staff (/new, /seminars → edit), one per staff member,
-- so a restart loses no answered step. Nothing reaches `seminars` until staff confirm.

CREATE TABLE seminar_drafts (
    telegram_id INTEGER PRIMARY KEY,
    -- The seminar being edited; NULL while creating a new one.
    seminar_id  INTEGER REFERENCES seminars (id) ON DELETE CASCADE,
    step        TEXT NOT NULL,
    -- While one part is being changed from the preview: its last step, after which the
    -- preview comes back. NULL while walking the whole wizard.
    until_step  TEXT,
    -- The answers so far as JSON: they are only read back by the wizard, never queried.
    answers     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
