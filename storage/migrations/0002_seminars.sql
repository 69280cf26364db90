-- Seminars: one per oblast in the model series, each inviting places and roles.

CREATE TABLE seminars (
    id             INTEGER PRIMARY KEY,
    -- A stable key for `seminar-bot seminars import`: importing the same file twice changes nothing.
    slug           TEXT UNIQUE,
    title_ky       TEXT NOT NULL,
    title_ru       TEXT NOT NULL,
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    city_ky        TEXT NOT NULL,
    city_ru        TEXT NOT NULL,
    venue_ky       TEXT NOT NULL,
    venue_ru       TEXT NOT NULL,
    description_ky TEXT NOT NULL DEFAULT '',
    description_ru TEXT NOT NULL DEFAULT '',
    organiser      TEXT NOT NULL DEFAULT '',
    capacity       INTEGER CHECK (capacity IS NULL OR capacity > 0),
    max_party      INTEGER NOT NULL DEFAULT 2 CHECK (max_party >= 1),
    rsvp_deadline  TEXT,
    status         TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    announced_at   TEXT,
    created_by     INTEGER,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX seminars_by_start ON seminars (starts_at);

-- Invited places: a whole region (rayon_code = '') or one rayon of it.
CREATE TABLE seminar_places (
    seminar_id  INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    region_code TEXT NOT NULL,
    rayon_code  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (seminar_id, region_code, rayon_code)
);

-- Invited roles; a seminar with none invites every role.
CREATE TABLE seminar_roles (
    seminar_id INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    PRIMARY KEY (seminar_id, role)
);
