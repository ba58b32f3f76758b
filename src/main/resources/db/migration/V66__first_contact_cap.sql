-- A mail to an address the gateway never wrote to before is a "first contact". Their number per hour is
-- capped, so that a flood of mails with forged senders cannot make the helpdesk mail thousands of strangers.
ALTER TABLE outbound_mail ADD COLUMN first_contact BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_outbound_recipient ON outbound_mail (recipient);
CREATE INDEX ix_outbound_first_contact ON outbound_mail (first_contact, created_at);
