-- A requester's message as it arrived, beside the trimmed body the timeline shows: officers can read
-- what trimming left out (quoted history, a signature). NULL when nothing was trimmed.
ALTER TABLE timeline_entry ADD COLUMN received_text MEDIUMTEXT NULL;
