-- The per-requester rate limit counts the tickets a requester opened in the last hour, for every mail that
-- would open one. With an index on the address alone that count read every ticket the requester ever had, a
-- cost that grew with the desk's history; ordered by time within the address it reads only the recent ones.
-- Look-ups by address alone use the same index (its first column).
ALTER TABLE ticket
    ADD INDEX ix_ticket_requester_created (requester_address, created_at),
    DROP INDEX ix_ticket_requester;
