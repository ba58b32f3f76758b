-- Retention (issue 15): per closed ticket and kind of data, when its retention started (the ticket's closing
-- time), and when the purge removed it (NULL: not yet). A row with no ticket records one batch of mails or
-- notices that never became a ticket. This table is both the purge's work list and its record.
CREATE TABLE retention_purge (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    ticket_id     BIGINT,
    ticket_number CHAR(10),
    closed_at     TIMESTAMP(6) NULL,
    purged_at     TIMESTAMP(6) NULL,
    purged_rows   INT,
    -- for a batch without ticket: which rows (table and id range)
    detail        VARCHAR(255),
    CONSTRAINT uk_retention_purge_ticket UNIQUE (ticket_id, kind),
    INDEX ix_retention_purge_due (kind, purged_at, closed_at),
    INDEX ix_retention_purge_closed (closed_at),
    INDEX ix_retention_purge_number (ticket_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One purge run at a time, whichever instance: a run holds the claim until claimed_until (a lease, so that
-- a crashed instance does not hold it for ever) and releases it when done.
CREATE TABLE retention_claim (
    name          VARCHAR(32)  NOT NULL PRIMARY KEY,
    claimed_by    VARCHAR(128),
    claimed_until TIMESTAMP(6) NULL,
    last_run_at   TIMESTAMP(6) NULL,
    last_run_by   VARCHAR(128),
    last_run      VARCHAR(1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO retention_claim (name) VALUES ('retention');

-- Every export and erasure of a person's data an operator asked for: who, when, why, what came of it. The
-- person is kept only as pseudonyms (SHA-256 of the address or employee id), never in clear.
CREATE TABLE privacy_request (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(16)   NOT NULL,
    requested_at TIMESTAMP(6)  NOT NULL,
    completed_at TIMESTAMP(6)  NULL,
    operator     VARCHAR(320)  NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    -- STARTED, COMPLETED, REFUSED or FAILED
    status       VARCHAR(16)   NOT NULL,
    -- JSON: what was found or erased, by kind, and the ticket numbers
    summary      TEXT,
    INDEX ix_privacy_request_at (requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE privacy_request_subject (
    request_id  BIGINT      NOT NULL,
    subject_key CHAR(64)    NOT NULL,
    PRIMARY KEY (request_id, subject_key),
    INDEX ix_privacy_request_subject_key (subject_key),
    CONSTRAINT fk_privacy_request_subject FOREIGN KEY (request_id) REFERENCES privacy_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
