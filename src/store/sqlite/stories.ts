// Links an item to the earliest copy of the same story (reposts, lightly edited copies)
// through MinHash band lookups; the earliest published copy heads the story.
import type Database from 'better-sqlite3';
import { bandKeys, SAME_STORY, SIGNATURE_SIZE, similarity } from '../../pipeline/minhash.ts';

export function storyLinker(db: Database.Database) {
  const oldSig = db.prepare<[number], { sig: Buffer }>(
    'SELECT sig FROM item_signatures WHERE item_rowid = ?',
  );
  const deleteBand = db.prepare('DELETE FROM story_bands WHERE band = ? AND item_rowid = ?');
  const deleteSig = db.prepare('DELETE FROM item_signatures WHERE item_rowid = ?');
  const bandCount = bandKeys(new Array<number>(SIGNATURE_SIZE).fill(0)).length;
  // One statement for all of an item's bands: a third of the per-item write cost otherwise.
  const insertBands = db.prepare(
    `INSERT OR IGNORE INTO story_bands (band, item_rowid) VALUES ${new Array(bandCount).fill('(?, ?)').join(', ')}`,
  );
  const upsertSig = db.prepare(
    'INSERT OR REPLACE INTO item_signatures (item_rowid, sig) VALUES (?, ?)',
  );
  const head = db.prepare<[string], { id: string; published_at: string | null; rowid: number }>(
    'SELECT id, published_at, rowid FROM items WHERE id = ?',
  );
  const moveStory = db.prepare('UPDATE items SET story_id = ? WHERE story_id = ?');
  // The few items sharing the most bands; their signatures decide.
  const candidatesOf = db.prepare<unknown[], { rowid: number }>(
    `SELECT item_rowid AS rowid FROM story_bands
     WHERE band IN (${new Array(bandCount).fill('?').join(',')}) AND item_rowid != ?
     GROUP BY item_rowid ORDER BY count(*) DESC LIMIT 5`,
  );
  const candidate = db.prepare<[number], { sig: Buffer; story_id: string }>(
    `SELECT g.sig, i.story_id FROM item_signatures g JOIN items i ON i.rowid = g.item_rowid
     WHERE g.item_rowid = ?`,
  );
  const toBlob = (sig: number[]) => Buffer.from(new Uint32Array(sig).buffer);
  // Copy first: a Buffer from SQLite need not be 4-byte aligned.
  const fromBlob = (b: Buffer) => [...new Uint32Array(new Uint8Array(b).buffer)];

  /** The story an item belongs to, or null when it starts a new one. */
  function findStory(rowid: number, sig: number[]): string | null {
    let best: { story: string; sim: number } | null = null;
    for (const { rowid: other } of candidatesOf.all(...bandKeys(sig), rowid)) {
      const c = candidate.get(other);
      if (!c) continue;
      const sim = similarity(sig, fromBlob(c.sig));
      if (sim >= SAME_STORY && (!best || sim > best.sim)) best = { story: c.story_id, sim };
    }
    return best?.story ?? null;
  }

  return {
    /**
     * Records the item's signature and returns its story id. When the item was published
     * before the story's current head, it becomes the head.
     */
    link(
      rowid: number,
      id: string,
      publishedAt: string | null,
      sig: number[] | null | undefined,
      fallback: string,
      isNew: boolean,
    ): string {
      if (!isNew) {
        const old = oldSig.get(rowid);
        if (old) for (const k of bandKeys(fromBlob(old.sig))) deleteBand.run(k, rowid);
        deleteSig.run(rowid);
      }
      if (!sig) return fallback;
      upsertSig.run(rowid, toBlob(sig));
      const story = fallback !== id ? fallback : findStory(rowid, sig);
      insertBands.run(bandKeys(sig).flatMap((k) => [k, rowid]));
      if (!story || story === id) return id;
      const current = head.get(story);
      if (current && publishedAt && current.published_at && publishedAt < current.published_at) {
        moveStory.run(id, story);
        return id;
      }
      return story;
    },
  };
}
