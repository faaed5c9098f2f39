// Links an item to the earliest copy of the same story (reposts, lightly edited copies)
// through MinHash band lookups; the earliest published copy heads the story.
import type Database from 'better-sqlite3';
import { bandKeys, SAME_STORY, similarity } from '../../pipeline/minhash.ts';

export function storyLinker(db: Database.Database) {
  const deleteBands = db.prepare('DELETE FROM story_bands WHERE item_rowid = ?');
  const insertBand = db.prepare(
    'INSERT OR IGNORE INTO story_bands (band, item_rowid) VALUES (?, ?)',
  );
  const upsertSig = db.prepare(
    'INSERT OR REPLACE INTO item_signatures (item_rowid, sig) VALUES (?, ?)',
  );
  const head = db.prepare<[string], { id: string; published_at: string | null; rowid: number }>(
    'SELECT id, published_at, rowid FROM items WHERE id = ?',
  );
  const moveStory = db.prepare('UPDATE items SET story_id = ? WHERE story_id = ?');

  /** The story an item belongs to, or null when it starts a new one. */
  function findStory(rowid: number, sig: number[]): string | null {
    const keys = bandKeys(sig);
    const candidates = db
      .prepare(
        `SELECT DISTINCT s.item_rowid AS rowid, g.sig, i.story_id FROM story_bands s
         JOIN item_signatures g ON g.item_rowid = s.item_rowid
         JOIN items i ON i.rowid = s.item_rowid
         WHERE s.band IN (${keys.map(() => '?').join(',')}) AND s.item_rowid != ?
         LIMIT 50`,
      )
      .all(...keys, rowid) as Array<{ rowid: number; sig: string; story_id: string }>;
    let best: { story: string; sim: number } | null = null;
    for (const c of candidates) {
      const sim = similarity(sig, JSON.parse(c.sig) as number[]);
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
    ): string {
      deleteBands.run(rowid);
      if (!sig) return fallback;
      upsertSig.run(rowid, JSON.stringify(sig));
      const story = fallback !== id ? fallback : findStory(rowid, sig);
      for (const k of bandKeys(sig)) insertBand.run(k, rowid);
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
