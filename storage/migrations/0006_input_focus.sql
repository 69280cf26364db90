-- Which feature a person's next typed text belongs to: the one whose prompt they saw last.
-- Several flows read free text (registration, questions, the seminar wizard, broadcasts);
-- without this, a flow left open earlier would take text meant for a newer one.

CREATE TABLE input_focus (
    telegram_id INTEGER PRIMARY KEY,
    feature     TEXT NOT NULL
);
