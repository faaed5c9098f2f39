// Writing items: upsert by canonical URL in one transaction per batch, content-hash
// duplicates recorded, mentions and per-entity coverage rows kept in step.
import type Database from 'better-sqlite3';
import { itemDocument, type Item, type Mention, type RejectedSpan } from '../../core/types.ts';
import { mergeReviewed, stillInPlace } from '../review-merge.ts';
import { mentionFromRow, type MentionRow } from './item-rows.ts';
import type { UpsertOutcome } from '../../core/store.ts';
import { itemCoverage } from '../item-coverage.ts';
import { fold } from '../search/fold.ts';
import { localDay, toUtcIso } from '../time.ts';
import type { ItemRow } from './item-rows.ts';
import { storyLinker } from './stories.ts';
import { facetTokens } from './facets.ts';

export function itemWriter(db: Database.Database) {
  const byUrl = db.prepare<
    [string],
    {
      rowid: number;
      id: string;
      content_hash: string;
      story_id: string;
      duplicate_of: string | null;
      ingested_at: string;
      mentions_key: string;
    }
  >(
    `SELECT rowid, id, content_hash, story_id, duplicate_of, ingested_at,
       (SELECT group_concat(entity || ':' || kind || ':' || start || ':' || tone || ':' || dictionary_version, '|')
          FROM mentions WHERE item_rowid = items.rowid) AS mentions_key
     FROM items WHERE url = ?`,
  );
  const byHash = db.prepare<[string, string], { id: string; story_id: string }>(
    'SELECT id, story_id FROM items WHERE content_hash = ? AND url != ? ORDER BY published_at, rowid LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO items (id, url, title, published_at, source_id, source_name, source_kind,
       ownership, author, lang, fetched_at, views, forwarded_from, cues, raw_hash, content_hash,
       duplicate_of, story_id, word_count, topics, ingested_at, updated_at)
     VALUES (@id, @url, @title, @published_at, @source_id, @source_name, @source_kind,
       @ownership, @author, @lang, @fetched_at, @views, @forwarded_from, @cues, @raw_hash,
       @content_hash, @duplicate_of, @story_id, @word_count, @topics, @ingested_at, @updated_at)`,
  );
  const update = db.prepare(
    `UPDATE items SET title=@title, published_at=@published_at, source_id=@source_id,
       source_name=@source_name, source_kind=@source_kind, ownership=@ownership, author=@author,
       lang=@lang, fetched_at=@fetched_at, views=@views, forwarded_from=@forwarded_from, cues=@cues,
       raw_hash=@raw_hash, content_hash=@content_hash, duplicate_of=@duplicate_of,
       story_id=@story_id, word_count=@word_count, topics=@topics, updated_at=@updated_at
     WHERE rowid=@rowid`,
  );
  const ftsDelete = db.prepare('DELETE FROM items_fts WHERE rowid = ?');
  const textUpsert = db.prepare('INSERT OR REPLACE INTO item_texts (rowid, text) VALUES (?, ?)');
  const ftsInsert = db.prepare(
    'INSERT INTO items_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)',
  );
  const textOf = db.prepare<[number], { text: string }>(
    'SELECT text FROM item_texts WHERE rowid = ?',
  );

  /** The search entry of an item: folded title and text, and its filter values as words. */
  function indexText(
    rowid: number,
    title: string,
    text: string,
    c: EntityContext,
    mentions: Mention[],
  ): void {
    const facets = facetTokens({
      sourceId: c.sourceId,
      ownership: c.ownership,
      kind: c.sourceKind,
      lang: c.lang,
      publishedAt: c.publishedAt,
      entities: mentions.map((m) => m.entity),
    });
    ftsInsert.run(rowid, fold(title), fold(text), facets);
  }
  const mentionsDelete = db.prepare('DELETE FROM mentions WHERE item_rowid = ?');
  const mentionInsert = db.prepare(
    `INSERT INTO mentions (item_rowid, seq, entity, type, kind, start, end, surface, position,
       sentence, tone, tone_source, dictionary_version, speech, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entitiesDelete = db.prepare('DELETE FROM item_entities WHERE item_rowid = ?');
  const entityInsert = db.prepare(
    `INSERT INTO item_entities (item_rowid, entity, type, mentions, name_mentions, title_mentions,
       words, seconds, positive, neutral, negative, published_at, day, source_id, ownership,
       source_kind, lang)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const linker = storyLinker(db);
  const setStory = db.prepare('UPDATE items SET story_id = ? WHERE rowid = ?');
  const rowOf = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE id = ?');

  /** What item_entities copies from the item. */
  interface EntityContext {
    title: string;
    cues: Item['cues'];
    publishedAt: string | null;
    sourceId: string;
    ownership: string;
    sourceKind: string;
    lang: string;
  }

  function writeMentions(
    rowid: number,
    item: EntityContext,
    mentions: Mention[],
    isNew = false,
  ): void {
    const day = localDay(item.publishedAt);
    if (!isNew) {
      mentionsDelete.run(rowid);
      entitiesDelete.run(rowid);
    }
    mentions.forEach((m, seq) =>
      mentionInsert.run(
        rowid,
        seq,
        m.entity,
        m.type,
        m.kind,
        m.start,
        m.end,
        m.surface,
        m.position,
        m.sentence,
        m.tone,
        m.toneSource,
        m.dictionaryVersion,
        m.speech ?? null,
        m.status && m.status !== 'auto' ? m.status : null,
      ),
    );
    for (const c of itemCoverage({ title: item.title, cues: item.cues, mentions })) {
      entityInsert.run(
        rowid,
        c.entity,
        c.type,
        c.mentions,
        c.nameMentions,
        c.titleMentions,
        c.words,
        c.seconds,
        c.tone.positive,
        c.tone.neutral,
        c.tone.negative,
        item.publishedAt,
        day,
        item.sourceId,
        item.ownership,
        item.sourceKind,
        item.lang,
      );
    }
  }

  const reviewedOf = db.prepare<[number], MentionRow>(
    "SELECT * FROM mentions WHERE item_rowid = ? AND tone_source = 'review' ORDER BY seq",
  );
  const rejectedOf = db.prepare<[string], RejectedSpan>(
    'SELECT entity, start, end FROM rejected_mentions WHERE item_id = ?',
  );

  /** A re-crawled item keeps what monitors reviewed or rejected in it. */
  function keepReviews(item: Item, existing: { rowid: number; id: string }): Item {
    const reviewed = reviewedOf.all(existing.rowid).map(mentionFromRow);
    const rejected = rejectedOf.all(existing.id);
    if (!reviewed.length && !rejected.length) return item;
    const doc = itemDocument(item);
    return {
      ...item,
      mentions: mergeReviewed(item.mentions, stillInPlace(reviewed, doc), rejected),
    };
  }

  const mentionsKey = (ms: Mention[]) =>
    ms.map((m) => `${m.entity}:${m.kind}:${m.start}:${m.tone}:${m.dictionaryVersion}`).join('|');

  function upsertOne(fresh: Item, now: string): UpsertOutcome {
    const existing = byUrl.get(fresh.url);
    const item = existing ? keepReviews(fresh, existing) : fresh;
    const publishedAt = toUtcIso(item.publishedAt);
    if (
      existing &&
      existing.content_hash === item.contentHash &&
      (existing.mentions_key ?? '') === mentionsKey(item.mentions)
    ) {
      return { id: existing.id, url: item.url, status: 'unchanged' };
    }
    const dup = byHash.get(item.contentHash, item.url);
    const id = existing?.id ?? item.id;
    const storyId = dup?.story_id ?? item.storyId ?? existing?.story_id ?? id;
    const row = {
      id,
      url: item.url,
      title: item.title,
      published_at: publishedAt,
      source_id: item.source.id,
      source_name: item.source.name,
      source_kind: item.source.kind,
      ownership: item.source.ownership,
      author: item.author ?? null,
      lang: item.lang,
      fetched_at: item.fetchedAt ?? null,
      views: item.views ?? null,
      forwarded_from: item.forwardedFrom ?? null,
      cues: item.cues ? JSON.stringify(item.cues) : null,
      raw_hash: item.rawHash ?? null,
      content_hash: item.contentHash,
      duplicate_of: dup?.id ?? null,
      story_id: storyId,
      word_count: item.wordCount,
      topics: JSON.stringify(item.topics),
      ingested_at: existing?.ingested_at ?? now,
      updated_at: now,
    };
    let rowid: number;
    if (existing) {
      rowid = existing.rowid;
      update.run({ ...row, rowid });
      ftsDelete.run(rowid);
    } else {
      rowid = Number(insert.run(row).lastInsertRowid);
    }
    const story = linker.link(rowid, id, publishedAt, item.signature, row.story_id, !existing);
    if (story !== row.story_id) setStory.run(story, rowid);
    textUpsert.run(rowid, item.text);
    const context: EntityContext = {
      title: item.title,
      cues: item.cues,
      publishedAt,
      sourceId: item.source.id,
      ownership: item.source.ownership,
      sourceKind: item.source.kind,
      lang: item.lang,
    };
    indexText(rowid, item.title, item.text, context, item.mentions);
    writeMentions(rowid, context, item.mentions, !existing);
    const status = existing ? 'updated' : dup ? 'duplicate' : 'new';
    return dup ? { id, url: item.url, status, duplicateOf: dup.id } : { id, url: item.url, status };
  }

  const upsertMany = db.transaction((items: Item[]) => {
    const now = new Date().toISOString();
    return items.map((item) => upsertOne(item, now));
  });

  const replaceMentions = db.transaction((itemId: string, mentions: Mention[]) => {
    const row = rowOf.get(itemId);
    if (!row) throw new RangeError(`No item with id ${itemId}`);
    const cues = row.cues ? (JSON.parse(row.cues) as Item['cues']) : undefined;
    const context: EntityContext = {
      title: row.title,
      cues,
      publishedAt: row.published_at,
      sourceId: row.source_id,
      ownership: row.ownership,
      sourceKind: row.source_kind,
      lang: row.lang,
    };
    writeMentions(row.rowid, context, mentions);
    // The entities are words of the search entry: rewrite it.
    ftsDelete.run(row.rowid);
    indexText(row.rowid, row.title, textOf.get(row.rowid)?.text ?? '', context, mentions);
  });

  return { upsertMany, replaceMentions };
}
