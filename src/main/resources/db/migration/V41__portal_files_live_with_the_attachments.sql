-- Portal uploads now go through the attachment pipeline and are stored as the ticket's attachments
-- (stored_file + ticket_attachment), like mailed files; nothing reads or writes this table any more.
DROP TABLE IF EXISTS portal_submission_file;
