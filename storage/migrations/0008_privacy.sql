-- When each person last used the bot, so personal data of people gone for
-- `privacy.forget_inactive_after_months` can be forgotten. Written at most once an hour.

ALTER TABLE people ADD COLUMN last_seen_at TEXT;
UPDATE people SET last_seen_at = updated_at;

-- One row per forgotten person, holding nothing about them: its negated id is the
-- pseudonym their counting rows (registrations, RSVPs, questions) now carry.
CREATE TABLE pseudonyms (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    forgotten_at TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (reason IN ('request', 'inactive'))
);

-- /mydata and /forget look a person's deliveries up by chat; without this they scan the outbox.
CREATE INDEX broadcast_recipients_by_chat ON broadcast_recipients (chat_id);
