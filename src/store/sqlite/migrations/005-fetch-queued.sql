-- Items a crawl left in the write queue while the store was unreachable.
ALTER TABLE fetch_events ADD COLUMN items_queued INTEGER NOT NULL DEFAULT 0;
