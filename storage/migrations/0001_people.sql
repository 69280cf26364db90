-- People who pressed Start and registered, the organisations they belong to, registrations
-- in progress (so a restart loses no step), and staff invitation links.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    region_code TEXT NOT NULL,
    rayon_code  TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    match_key   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (region_code, rayon_code, match_key)
);

CREATE TABLE people (
    telegram_id     INTEGER PRIMARY KEY,
    first_name      TEXT NOT NULL,
    last_name       TEXT,
    username        TEXT,
    language        TEXT NOT NULL CHECK (language IN ('ky', 'ru')),
    role            TEXT NOT NULL,
    region_code     TEXT,
    rayon_code      TEXT,
    organisation_id INTEGER REFERENCES organisations (id),
    phone           TEXT,
    subscribed      INTEGER NOT NULL DEFAULT 1,
    reachable       INTEGER NOT NULL DEFAULT 1,
    invitation_code TEXT,
    registered_at   TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX people_by_place ON people (region_code, rayon_code);

CREATE TABLE registration_drafts (
    telegram_id     INTEGER PRIMARY KEY,
    step            TEXT NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('ky', 'ru')),
    role            TEXT,
    region_code     TEXT,
    rayon_code      TEXT,
    organisation_id INTEGER REFERENCES organisations (id),
    new_organisation TEXT,
    phone           TEXT,
    phone_asked     INTEGER NOT NULL DEFAULT 0,
    invitation_code TEXT,
    updated_at      TEXT NOT NULL
);

CREATE TABLE invitations (
    code        TEXT PRIMARY KEY,
    region_code TEXT NOT NULL,
    rayon_code  TEXT,
    role        TEXT,
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    uses        INTEGER NOT NULL DEFAULT 0
);
