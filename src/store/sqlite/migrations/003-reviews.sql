-- Review of automatic tags: what a monitor did to each mention (kept forever, with who and
-- when), spans they rejected (so re-tagging does not bring them back), and independent
-- double codings of tone for Krippendorff's alpha. See doc/review.md.
ALTER TABLE mentions ADD COLUMN speech TEXT;
-- NULL means 'auto': rows written before this migration were never reviewed.
ALTER TABLE mentions ADD COLUMN status TEXT;

CREATE TABLE review_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  item_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT,
  coder TEXT NOT NULL,
  note TEXT,
  at TEXT NOT NULL
);
CREATE INDEX review_log_item ON review_log (item_id, seq);

CREATE TABLE rejected_mentions (
  item_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (item_id, entity, start, end)
) WITHOUT ROWID;

CREATE TABLE codings (
  item_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  coder TEXT NOT NULL,
  tone TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (item_id, entity, coder)
) WITHOUT ROWID;
CREATE INDEX codings_coder ON codings (coder);
