-- Questions participants ask before, during or after a seminar, and how staff answer them.

CREATE TABLE questions (
    id                INTEGER PRIMARY KEY,
    asker_id          INTEGER NOT NULL,
    -- NULL: a general question, about no seminar in particular.
    seminar_id        INTEGER REFERENCES seminars (id) ON DELETE SET NULL,
    text              TEXT NOT NULL DEFAULT '',
    -- A voice message or photo: its file_id and where it was sent, to copy it to staff.
    media_kind        TEXT CHECK (media_kind IN ('voice', 'photo')),
    media_file_id     TEXT,
    media_chat_id     INTEGER,
    media_message_id  INTEGER,
    anonymous         INTEGER NOT NULL DEFAULT 0,
    -- The asker's language when asking: the answer is written in it too.
    language          TEXT NOT NULL DEFAULT 'ky',
    status            TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'answered', 'rejected', 'duplicate')),
    topic             TEXT,
    -- The staff member who pressed Answer first; others are told until the claim lapses.
    claimed_by        INTEGER,
    claimed_by_name   TEXT,
    claimed_at        TEXT,
    answer_text       TEXT,
    answered_on_stage INTEGER NOT NULL DEFAULT 0,
    answered_by       INTEGER,
    answered_by_name  TEXT,
    answered_at       TEXT,
    -- NULL: nothing to deliver yet; 0: the asker could not be reached; 1: delivered.
    delivered         INTEGER,
    reject_reason     TEXT,
    -- Staff's version in the other language, for /faq readers of that language.
    translation_question TEXT,
    translation_answer   TEXT,
    duplicate_of      INTEGER REFERENCES questions (id),
    -- Shown to participants to support; published in /faq with its answer.
    shared            INTEGER NOT NULL DEFAULT 0,
    in_faq            INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX questions_by_status ON questions (status, created_at);
CREATE INDEX questions_by_asker ON questions (asker_id, created_at);
CREATE INDEX questions_by_seminar ON questions (seminar_id);

-- Follow-ups and answers after the first, in order, so a thread reads whole.
CREATE TABLE question_entries (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('followup', 'answer')),
    text        TEXT NOT NULL,
    author_id   INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX question_entries_by_question ON question_entries (question_id, id);

-- "I have this question too": once per person.
CREATE TABLE question_supports (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    telegram_id INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (question_id, telegram_id)
);

-- Which Telegram message shows which question: staff cards (replies answer them), prompts,
-- and answers in the asker's chat (replies to them are follow-ups).
CREATE TABLE question_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('card', 'media', 'prompt', 'answer')),
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX question_messages_by_question ON question_messages (question_id);

-- A question being written: the step, and what was given so far.
CREATE TABLE question_drafts (
    telegram_id      INTEGER PRIMARY KEY,
    step             TEXT NOT NULL CHECK (step IN ('seminar', 'text', 'anonymity', 'confirm')),
    seminar_id       INTEGER,
    text             TEXT NOT NULL DEFAULT '',
    media_kind       TEXT,
    media_file_id    TEXT,
    media_chat_id    INTEGER,
    media_message_id INTEGER,
    anonymous        INTEGER NOT NULL DEFAULT 0,
    updated_at       TEXT NOT NULL
);

-- A staff member who pressed Answer or Reject and is now typing, in which chat.
CREATE TABLE question_staff_inputs (
    telegram_id INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    action      TEXT NOT NULL CHECK (action IN ('answer', 'reject', 'translate')),
    created_at  TEXT NOT NULL
);

-- Local days on which the daily digest went out, so a restart never sends it twice.
CREATE TABLE question_digests (
    day     TEXT PRIMARY KEY,
    sent_at TEXT NOT NULL
);
