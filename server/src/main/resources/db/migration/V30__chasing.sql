-- Chasing (催报): each school's contact from the roster's optional columns 联系人 and 联系电话,
-- and the reminders sent to schools (the outbox of the default notifier: one row a reminder).

ALTER TABLE schools ADD COLUMN contact_person TEXT NOT NULL DEFAULT '';

ALTER TABLE schools ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';

CREATE TABLE reminders (
    id ${autoid},
    school_id BIGINT NOT NULL REFERENCES schools (id),
    channel VARCHAR(32) NOT NULL,
    recipient TEXT NOT NULL,
    message TEXT NOT NULL,
    sent_by VARCHAR(64) NOT NULL,
    sent_at BIGINT NOT NULL
);

CREATE INDEX reminders_school ON reminders (school_id, sent_at);
