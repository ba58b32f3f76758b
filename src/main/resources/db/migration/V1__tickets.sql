-- Ticket numbers come from a sequence: never reused, never guessed from a row count.
CREATE SEQUENCE ticket_number_seq START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE ticket (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number             CHAR(10)     NOT NULL,
    subject            VARCHAR(998) NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    requester_address  VARCHAR(320) NOT NULL,
    requester_name     VARCHAR(255),
    requester_language CHAR(2)      NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_ticket_number UNIQUE (number),
    INDEX ix_ticket_requester (requester_address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE timeline_entry (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id          BIGINT       NOT NULL,
    kind               VARCHAR(32)  NOT NULL,
    author             VARCHAR(320),
    body               MEDIUMTEXT,
    status_from        VARCHAR(32),
    status_to          VARCHAR(32),
    inbound_message_id BIGINT,
    created_at         TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_timeline_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_timeline_ticket (ticket_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
