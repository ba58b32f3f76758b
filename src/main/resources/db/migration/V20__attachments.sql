-- Files are stored once by content: the same certificate sent twice (or to two tickets) is one row.
CREATE TABLE stored_file (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256        CHAR(64)     NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    detected_type VARCHAR(255) NOT NULL,
    content       LONGBLOB     NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_stored_file_sha256 UNIQUE (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every file a ticket received, accepted or refused: the receipt the requester and officers see.
CREATE TABLE ticket_attachment (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id       BIGINT        NOT NULL,
    stored_file_id  BIGINT,
    original_name   VARCHAR(255)  NOT NULL,
    contained_in    VARCHAR(255),
    declared_type   VARCHAR(255),
    detected_type   VARCHAR(255),
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64),
    accepted        BOOLEAN       NOT NULL,
    refusal_reason  VARCHAR(32),
    pages           INT,
    author          VARCHAR(255),
    document_created_at TIMESTAMP(6) NULL,
    contents        TEXT,
    extracted_text  MEDIUMTEXT,
    text_truncated  BOOLEAN       NOT NULL DEFAULT FALSE,
    received_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_ticket_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_attachment_file FOREIGN KEY (stored_file_id) REFERENCES stored_file (id),
    CONSTRAINT ck_ticket_attachment_receipt CHECK ((accepted AND stored_file_id IS NOT NULL AND refusal_reason IS NULL)
        OR (NOT accepted AND stored_file_id IS NULL AND refusal_reason IS NOT NULL)),
    INDEX ix_ticket_attachment_ticket (ticket_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
