-- A portal ticket remembers the catalogue form it came from; every ticket can be put in an officer queue.
ALTER TABLE ticket
    ADD COLUMN form_code  VARCHAR(64) NULL,
    ADD COLUMN queue_code VARCHAR(64) NULL,
    ADD INDEX ix_ticket_queue (queue_code, status);
