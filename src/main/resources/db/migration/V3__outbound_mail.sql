-- Transactional outbox: a mail row is written in the transaction that caused it and sent after commit.
CREATE TABLE outbound_mail (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id      VARCHAR(255) NOT NULL,
    ticket_id       BIGINT,
    kind            VARCHAR(48)  NOT NULL,
    language        CHAR(2)      NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    subject         VARCHAR(998) NOT NULL,
    in_reply_to     VARCHAR(998),
    text_body       MEDIUMTEXT   NOT NULL,
    html_body       MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    sent_at         TIMESTAMP(6),
    last_error      TEXT,
    CONSTRAINT uk_outbound_message_id UNIQUE (message_id),
    INDEX ix_outbound_due (status, next_attempt_at),
    INDEX ix_outbound_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
