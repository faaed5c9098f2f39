-- Items keyed by canonical URL; mentions, per-item entity coverage, sources, fetch events.
CREATE TABLE items (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  published_at TEXT,
  source_id TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  ownership TEXT NOT NULL,
  author TEXT,
  lang TEXT NOT NULL,
  fetched_at TEXT,
  views INTEGER,
  forwarded_from TEXT,
  cues TEXT,
  raw_hash TEXT,
  content_hash TEXT NOT NULL,
  duplicate_of TEXT,
  story_id TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  topics TEXT NOT NULL DEFAULT '[]',
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX items_content_hash ON items (content_hash);

-- Bodies live apart so that filtering and sorting read narrow item rows: a search that
-- matches many items looks each one up.
CREATE TABLE item_texts (
  rowid INTEGER PRIMARY KEY REFERENCES items (rowid) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE INDEX items_published ON items (published_at);
CREATE INDEX items_source_published ON items (source_id, published_at);
CREATE INDEX items_ownership_published ON items (ownership, published_at);
CREATE INDEX items_lang_published ON items (lang, published_at);
CREATE INDEX items_kind_published ON items (source_kind, published_at);
CREATE INDEX items_story ON items (story_id);

CREATE TABLE mentions (
  item_rowid INTEGER NOT NULL REFERENCES items (rowid) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  entity TEXT NOT NULL,
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  surface TEXT NOT NULL,
  position TEXT NOT NULL,
  sentence TEXT NOT NULL,
  tone TEXT NOT NULL,
  tone_source TEXT NOT NULL,
  dictionary_version TEXT NOT NULL,
  PRIMARY KEY (item_rowid, seq)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity, item_rowid);

-- Derived from mentions on every write: what metrics, counts and entity filters read.
-- The item's outlet, ownership, kind, language and local day are copied here so that
-- counts by entity need not touch the items table.
CREATE TABLE item_entities (
  item_rowid INTEGER NOT NULL REFERENCES items (rowid) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  name_mentions INTEGER NOT NULL,
  title_mentions INTEGER NOT NULL,
  words INTEGER NOT NULL,
  seconds REAL NOT NULL,
  positive INTEGER NOT NULL,
  neutral INTEGER NOT NULL,
  negative INTEGER NOT NULL,
  published_at TEXT,
  day TEXT,
  source_id TEXT NOT NULL,
  ownership TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  lang TEXT NOT NULL,
  PRIMARY KEY (item_rowid, entity)
) WITHOUT ROWID;
CREATE INDEX item_entities_entity_day ON item_entities (entity, day, mentions);
CREATE INDEX item_entities_entity_published ON item_entities (entity, published_at);
CREATE INDEX item_entities_source ON item_entities (source_id, entity, day);

-- Full-text index over folded text (Azerbaijani case folding and ASCII fallbacks), so that
-- "Eliyev" finds "Əliyev"; the original text stays in items. The text arrives folded, so
-- the tokenizer need not strip diacritics (which costs six times the indexing time).
-- facets holds the item's outlet, ownership, kind, language, day and entities as words
-- (src/store/sqlite/facets.ts), so filtered text searches stay inside the index.
CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, text, facets,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE source_state (
  source_id TEXT PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  paused_reason TEXT,
  next_attempt_at TEXT,
  validators TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE fetch_events (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL,
  url TEXT NOT NULL,
  at TEXT NOT NULL,
  status INTEGER,
  ok INTEGER NOT NULL,
  items_new INTEGER NOT NULL,
  items_updated INTEGER NOT NULL,
  items_duplicate INTEGER NOT NULL,
  items_skipped INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  error TEXT
);
CREATE INDEX fetch_events_source ON fetch_events (source_id, at);
