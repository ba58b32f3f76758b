-- Several instances (issue 14, ADR 2026-12-07-several-instances-share-the-intake).
--
-- The lock table of Spring Integration's JdbcLockRegistry (its schema-mysql.sql, MariaDB-compatible):
-- the leader lock of each mailbox's poller (role mailbox-poller:<mailbox id>) lives here.
CREATE TABLE INT_LOCK (
    LOCK_KEY      CHAR(36)     NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  DATETIME(6)  NOT NULL,
    EXPIRED_AFTER DATETIME(6)  NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
) ENGINE = InnoDB;

-- The poller only records; any instance processes a recorded mail under a claim with a lease, so that a
-- crashed instance's claim expires and another finishes the mail (claimed_by stays: who processed it). A transient failure waits until
-- next_attempt_at. declared_size: the size the server gave a mail recorded by its headers only (too large).
-- mailbox_id: the configured mailbox the mail came from ('default' while there is one).
ALTER TABLE inbound_message
    ADD COLUMN mailbox_id      VARCHAR(64)  NOT NULL DEFAULT 'default',
    ADD COLUMN claimed_by      VARCHAR(64),
    ADD COLUMN claimed_until   TIMESTAMP(6) NULL,
    ADD COLUMN next_attempt_at TIMESTAMP(6) NULL,
    ADD COLUMN declared_size   BIGINT,
    ADD INDEX ix_inbound_unfinished (outcome, id);
