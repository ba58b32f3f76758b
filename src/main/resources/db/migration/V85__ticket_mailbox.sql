-- The mailbox a ticket came in on (gateway.mailboxes[].id): mail about it goes out from that mailbox's
-- address. NULL for a ticket that came through the portal, which is written to from the primary mailbox.
-- Mail tickets from before there were several mailboxes came in on the one mailbox, 'default'.
ALTER TABLE ticket ADD COLUMN mailbox VARCHAR(32) NULL;
UPDATE ticket SET mailbox = 'default' WHERE form_code IS NULL;
