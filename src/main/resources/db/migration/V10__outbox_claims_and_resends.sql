-- A claim whose outcome was never recorded (the sender died between the SMTP send and the mark) makes
-- the next send a possible re-send: counted, so that operators see it, and sent with the same Message-ID.
ALTER TABLE outbound_mail
    ADD COLUMN claims  INT NOT NULL DEFAULT 0,
    ADD COLUMN resends INT NOT NULL DEFAULT 0;
