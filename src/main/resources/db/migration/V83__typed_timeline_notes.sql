-- A system entry the requester may read says so with a typed note (and its one argument: a queue code or
-- a ticket number), translated when the page is shown; an entry without one is for officers only.
ALTER TABLE timeline_entry ADD COLUMN note VARCHAR(32) NULL, ADD COLUMN note_argument VARCHAR(64) NULL;
