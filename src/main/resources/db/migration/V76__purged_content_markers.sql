-- What the retention purge and erasures leave behind is marked, so that a page or an operator can say
-- "removed after the retention period" instead of failing on an empty value. ADD COLUMN is instant.
ALTER TABLE inbound_message ADD COLUMN raw_purged_at TIMESTAMP(6) NULL;

-- An accepted file whose bytes were purged keeps its receipt (type, size, pages) without a stored file.
ALTER TABLE ticket_attachment
    ADD COLUMN file_purged_at TIMESTAMP(6) NULL,
    ADD COLUMN text_purged_at TIMESTAMP(6) NULL;
ALTER TABLE ticket_attachment DROP CONSTRAINT ck_ticket_attachment_receipt;
ALTER TABLE ticket_attachment ADD CONSTRAINT ck_ticket_attachment_receipt CHECK (
    (accepted AND (stored_file_id IS NOT NULL OR file_purged_at IS NOT NULL) AND refusal_reason IS NULL)
    OR (NOT accepted AND stored_file_id IS NULL AND refusal_reason IS NOT NULL));
