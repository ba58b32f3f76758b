-- Officer queues (issue #6): who works on a ticket, since when it waits in its status (reminders and
-- automatic closure count from there), and which queue an officer-facing mail's reply token names.
ALTER TABLE ticket
    ADD COLUMN assignee     VARCHAR(320) NULL,
    ADD COLUMN status_since TIMESTAMP(6) NULL,
    ADD COLUMN reminded_at  TIMESTAMP(6) NULL;
UPDATE ticket SET status_since = updated_at;
ALTER TABLE ticket
    MODIFY COLUMN status_since TIMESTAMP(6) NOT NULL,
    ADD INDEX ix_ticket_waiting (status, status_since);

-- An officer-facing mail carries a reply address bound to (ticket, queue), written when it is queued.
-- An announcement to a queue that asks for files carries the ticket's files up to this many bytes.
ALTER TABLE outbound_mail
    ADD COLUMN reply_to         VARCHAR(320) NULL,
    ADD COLUMN attach_files_max BIGINT       NULL,
    ADD COLUMN attach_inbound_id BIGINT      NULL;

-- The mail a file came with, so that the files an officer attaches to a reply go out with the mail
-- that reply causes to the employee.
ALTER TABLE ticket_attachment
    ADD COLUMN inbound_message_id BIGINT NULL;

-- One digest per queue and day, whichever instance sends it.
CREATE TABLE queue_digest (
    queue_code VARCHAR(64) NOT NULL,
    digest_day DATE        NOT NULL,
    sent_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (queue_code, digest_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
