-- Near-duplicate lookup: MinHash signatures and their band keys (see src/pipeline/minhash.ts).
CREATE TABLE item_signatures (
  item_rowid INTEGER PRIMARY KEY REFERENCES items (rowid) ON DELETE CASCADE,
  sig TEXT NOT NULL
);
CREATE TABLE story_bands (
  band TEXT NOT NULL,
  item_rowid INTEGER NOT NULL REFERENCES items (rowid) ON DELETE CASCADE,
  PRIMARY KEY (band, item_rowid)
) WITHOUT ROWID;
CREATE INDEX story_bands_item ON story_bands (item_rowid);
