-- The durable outbox of every bulk send (announcements, broadcasts, reminders, notices): a
-- broadcast and one row per recipient with its state, so a restart resumes where it stopped.

CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL,
    -- Idempotency: submitting the same key again adds nothing (reminders across restarts).
    key                 TEXT UNIQUE,
    seminar_id          INTEGER REFERENCES seminars (id),
    created_by          INTEGER,
    urgent              INTEGER NOT NULL DEFAULT 0,
    status              TEXT NOT NULL DEFAULT 'sending'
                        CHECK (status IN ('sending', 'done', 'stopped')),
    progress_chat_id    INTEGER,
    progress_message_id INTEGER,
    created_at          TEXT NOT NULL,
    finished_at         TEXT
);

CREATE TABLE broadcast_recipients (
    id           INTEGER PRIMARY KEY,
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    chat_id      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    reply_markup TEXT,
    -- pending → sending → sent | unreachable | failed; stopped when staff press Stop.
    state        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'sending', 'sent', 'unreachable', 'failed', 'stopped')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    error        TEXT,
    message_id   INTEGER,
    sent_at      TEXT,
    UNIQUE (broadcast_id, chat_id)
);
CREATE INDEX broadcast_recipients_by_state ON broadcast_recipients (state, broadcast_id, id);

-- A staff member's announcement or broadcast being prepared (text, audience), one at a time.
CREATE TABLE broadcast_drafts (
    staff_id    INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('text', 'announce')),
    step        TEXT NOT NULL,
    seminar_id  INTEGER REFERENCES seminars (id) ON DELETE CASCADE,
    text_ky     TEXT,
    text_ru     TEXT,
    audience    TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL
);
