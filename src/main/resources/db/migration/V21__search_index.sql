-- Word search over tickets (ADR 0005): InnoDB FULLTEXT with the built-in parser, one index per
-- searched column, combined per ticket at query time.
ALTER TABLE ticket ADD FULLTEXT INDEX ft_ticket_subject (subject);
ALTER TABLE timeline_entry ADD FULLTEXT INDEX ft_timeline_body (body);
ALTER TABLE ticket_attachment ADD FULLTEXT INDEX ft_attachment_text (original_name, extracted_text);
