-- Revocation without a list of tokens: a link carries the epochs of its ticket and its recipient as
-- they were at issue; an operator bumps one and every older link of that ticket or recipient stops.
CREATE TABLE link_epoch (
    scope     VARCHAR(16)  NOT NULL,
    -- the ticket id, or the recipient's SHA-256 pseudonym (RecipientHash)
    scope_key VARCHAR(64)  NOT NULL,
    epoch     INT          NOT NULL,
    bumped_at TIMESTAMP(6) NOT NULL,
    bumped_by VARCHAR(320) NOT NULL,
    PRIMARY KEY (scope, scope_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every use of a link, granted or refused: who opened which ticket, when, with what.
CREATE TABLE link_access (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    accessed_at    TIMESTAMP(6) NOT NULL,
    ticket_id      BIGINT,
    purpose        VARCHAR(32)  NOT NULL,
    recipient_hash CHAR(64),
    user_agent     VARCHAR(512),
    outcome        VARCHAR(16)  NOT NULL,
    INDEX ix_link_access_ticket (ticket_id, accessed_at),
    INDEX ix_link_access_recipient (recipient_hash, accessed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
