-- Addresses whose mail bounces for good: notifications to them are pointless and may be suppressed.
CREATE TABLE failing_address (
    address            VARCHAR(320) NOT NULL PRIMARY KEY,
    permanent_failures INT          NOT NULL,
    last_failure_at    TIMESTAMP(6) NOT NULL,
    last_status        VARCHAR(255),
    failing_since      TIMESTAMP(6)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- At most one rejection notice per sender, reason and day: a rejected sender is told once, not flooded.
CREATE TABLE rejection_notice (
    address   VARCHAR(320) NOT NULL,
    reason    VARCHAR(48)  NOT NULL,
    day       DATE         NOT NULL,
    sent_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (address, reason, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE inbound_message ADD COLUMN thread_rule VARCHAR(32) AFTER ticket_number;
