-- The per-sender limit on messages added to existing tickets counts a sender's recent messages.
CREATE INDEX ix_inbound_sender ON inbound_message (sender(191), processed_at);
