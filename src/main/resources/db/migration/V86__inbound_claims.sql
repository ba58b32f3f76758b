-- How often a recorded mail was claimed for processing. Claims that ended without any result (the
-- instance was killed, or ran out of memory on this mail) are claims - attempts; after
-- gateway.intake.processing.max-unfinished of them the mail is quarantined instead of claimed again.
ALTER TABLE inbound_message ADD COLUMN claims INT NOT NULL DEFAULT 0;
