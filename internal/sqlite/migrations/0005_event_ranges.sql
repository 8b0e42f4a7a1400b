-- Merging looks up events whose date range reaches into a window from
-- before it; this index answers that without a scan.
CREATE INDEX events_range ON events (event_type, date_end) WHERE date_end IS NOT NULL;
