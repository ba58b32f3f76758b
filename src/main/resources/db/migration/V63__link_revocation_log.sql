-- Every withdrawal of links an operator asked for: what, when, by whom, why, and the epoch it moved to
-- (link_epoch keeps only the current epoch and its last bump). An address is kept as its pseudonym.
CREATE TABLE link_revocation (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    revoked_at TIMESTAMP(6)  NOT NULL,
    -- TICKET, RECIPIENT or QUEUE
    scope      VARCHAR(16)   NOT NULL,
    -- the ticket number or queue code; NULL for an address
    subject    VARCHAR(64),
    -- as link_epoch.scope_key: the ticket id, or the SHA-256 pseudonym of the address or queue audience
    scope_key  VARCHAR(64)   NOT NULL,
    epoch      INT           NOT NULL,
    revoked_by VARCHAR(320)  NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    INDEX ix_link_revocation_subject (subject),
    INDEX ix_link_revocation_key (scope_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
