-- Answers to seminars (with the waitlist), check-in, feedback and reminders sent.

-- One answer per person and seminar: a new answer replaces the old one.
CREATE TABLE rsvps (
    seminar_id  INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    telegram_id INTEGER NOT NULL REFERENCES people (telegram_id) ON DELETE CASCADE,
    answer      TEXT NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    party       INTEGER NOT NULL DEFAULT 1 CHECK (party >= 1),
    -- 'yes' answers hold a seat or wait for one; the queue number keeps press order.
    seated      INTEGER NOT NULL DEFAULT 0,
    queue_no    INTEGER,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (seminar_id, telegram_id),
    CHECK (answer = 'yes' OR (seated = 0 AND queue_no IS NULL))
);
CREATE INDEX rsvps_waitlist ON rsvps (seminar_id, queue_no) WHERE queue_no IS NOT NULL;

-- Per-seminar RSVP settings staff change: reopening after the deadline, reminder times,
-- the check-in token and code, walk-ins counted by hand.
CREATE TABLE seminar_rsvp_settings (
    seminar_id     INTEGER PRIMARY KEY REFERENCES seminars (id) ON DELETE CASCADE,
    reopened       INTEGER NOT NULL DEFAULT 0,
    -- Minutes before the start, comma-separated; NULL means the global [reminders] before.
    reminder_minutes TEXT,
    checkin_token  TEXT UNIQUE,
    checkin_code   TEXT,
    walk_ins       INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins >= 0)
);

CREATE TABLE checkins (
    seminar_id    INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    telegram_id   INTEGER NOT NULL REFERENCES people (telegram_id) ON DELETE CASCADE,
    checked_in_at TEXT NOT NULL,
    -- NULL when the participant scanned or typed the code; a staff id when staff did it.
    checked_in_by INTEGER,
    PRIMARY KEY (seminar_id, telegram_id)
);

CREATE TABLE feedback (
    seminar_id       INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    telegram_id      INTEGER NOT NULL REFERENCES people (telegram_id) ON DELETE CASCADE,
    rating           INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment          TEXT,
    awaiting_comment INTEGER NOT NULL DEFAULT 0,
    answered_at      TEXT NOT NULL,
    PRIMARY KEY (seminar_id, telegram_id)
);

-- Scheduled sends that have been handled (sent or dropped as too late), keyed by what they
-- are for: 'reminder:<minutes>:<starts_at>' or 'feedback'. A moved seminar gets new keys.
CREATE TABLE seminar_sends (
    seminar_id INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    send_key   TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('sent', 'dropped')),
    handled_at TEXT NOT NULL,
    PRIMARY KEY (seminar_id, send_key)
);

-- Who got which scheduled send: each person at most once, even across restarts.
CREATE TABLE seminar_send_recipients (
    seminar_id  INTEGER NOT NULL,
    send_key    TEXT NOT NULL,
    telegram_id INTEGER NOT NULL,
    PRIMARY KEY (seminar_id, send_key, telegram_id)
);
