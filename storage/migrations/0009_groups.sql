-- Group chats the bot was added to, the seminar posts it made there (for the live count),
-- questions asked in a group (so an answer can fall back to a reply there), and people who
-- answered from a group without registering.

CREATE TABLE groups (
    chat_id       INTEGER PRIMARY KEY,
    title         TEXT NOT NULL DEFAULT '',
    -- 'ky', 'ru' or 'both' (one post in both languages); NULL until staff register the group.
    language      TEXT CHECK (language IN ('ky', 'ru', 'both')),
    region_code   TEXT,
    rayon_code    TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
    added_by      INTEGER,
    registered_by INTEGER,
    added_at      TEXT NOT NULL,
    registered_at TEXT,
    left_at       TEXT
);

-- One row per seminar post in a group; the count line is edited at most every few seconds.
CREATE TABLE group_posts (
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    seminar_id      INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    language        TEXT NOT NULL CHECK (language IN ('ky', 'ru', 'both')),
    last_count_text TEXT,
    last_edit       TEXT,
    -- 0 once an edit failed for good (the message was deleted): no more tries.
    editable        INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX group_posts_by_seminar ON group_posts (seminar_id);

CREATE TABLE group_questions (
    question_id INTEGER PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL
);

-- A person who pressed a button in a group without registering: a minimal row (their
-- Telegram name) so their answer counts and later joins their registration. Such rows are
-- no one to PersonRepository.get and never hear announcements (subscribed = 0).
ALTER TABLE people ADD COLUMN registered INTEGER NOT NULL DEFAULT 1;

-- Whether an announcement also goes to the registered groups of its places.
ALTER TABLE broadcast_drafts ADD COLUMN to_groups INTEGER NOT NULL DEFAULT 1;
