-- A permanent bounce counts against an address only when it reports one of our own mails to that address,
-- and each of our mails counts once however many reports arrive about it: one row per (address, mail).
CREATE TABLE failing_address_bounce (
    address            VARCHAR(320) NOT NULL,
    message_id         VARCHAR(255) NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    inbound_message_id BIGINT,
    reported_at        TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (address, message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was counted before could have come from any forged report, and nothing ever acted on it (no sender
-- checked the list): start the count afresh rather than hold mail back on its word.
DELETE FROM failing_address;
