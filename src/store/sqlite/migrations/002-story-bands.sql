-- Near-duplicate lookup: MinHash signatures and their band keys (see src/pipeline/minhash.ts).
CREATE TABLE item_signatures (
  item_rowid INTEGER PRIMARY KEY REFERENCES items (rowid) ON DELETE CASCADE,
  sig BLOB NOT NULL
);
CREATE TABLE story_bands (
  band INTEGER NOT NULL,
  item_rowid INTEGER NOT NULL REFERENCES items (rowid) ON DELETE CASCADE,
  PRIMARY KEY (band, item_rowid)
) WITHOUT ROWID;
-- No index by item: an item's old bands are found from its old signature.
