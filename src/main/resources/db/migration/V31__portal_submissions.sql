-- Every portal submission is stored as JSON with its outcome; files of accepted ones are kept with it.
CREATE TABLE portal_submission (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    caller           VARCHAR(190) NOT NULL,
    idempotency_key  VARCHAR(190),
    -- SHA-256 of caller and idempotency key; set only once a ticket exists, so a refused submission
    -- can be corrected and sent again with the same key
    dedup_key        CHAR(64),
    form_code        VARCHAR(64),
    employee_id      VARCHAR(64),
    employee_address VARCHAR(320),
    language         CHAR(2),
    payload          MEDIUMTEXT   NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    received_at      TIMESTAMP(6) NOT NULL,
    outcome          VARCHAR(32)  NOT NULL,
    problems         TEXT,
    ticket_number    CHAR(10),
    CONSTRAINT uk_portal_submission_dedup UNIQUE (dedup_key),
    INDEX ix_portal_submission_form (outcome, form_code),
    INDEX ix_portal_submission_ticket (ticket_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE portal_submission_file (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id BIGINT       NOT NULL,
    name          VARCHAR(255) NOT NULL,
    declared_type VARCHAR(255),
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    content       LONGBLOB     NOT NULL,
    CONSTRAINT fk_portal_file_submission FOREIGN KEY (submission_id) REFERENCES portal_submission (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Addresses that asked for a link to the portal pages; the link carries the row id, never the address.
CREATE TABLE portal_visitor (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    address      VARCHAR(320) NOT NULL,
    language     CHAR(2)      NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    last_link_at TIMESTAMP(6),
    CONSTRAINT uk_portal_visitor_address UNIQUE (address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
