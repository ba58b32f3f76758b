-- Which header the requester's address came from (FROM, SENDER, RETURN_PATH), and what the reader
-- tolerated or lost in a damaged mail (the fallback step and one note per repair), for operators.
ALTER TABLE inbound_message ADD COLUMN sender_source VARCHAR(16) AFTER sender;
ALTER TABLE inbound_message ADD COLUMN read_notes TEXT AFTER error;
