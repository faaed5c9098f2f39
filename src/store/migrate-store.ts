// Moves a whole store to another backend (`monitor migrate --from sqlite --to
// elasticsearch`, and back): sources, their state, then every item with its mentions,
// keeping ids, storyId and duplicateOf. Ends with a count check.
import type { Item } from '../core/types.ts';
import type { Store, UpsertOutcome } from '../core/store.ts';
import { FatalError } from '../core/errors.ts';

export interface MigrateOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MigrateResult {
  copied: number;
  sourceCount: number;
  targetCount: number;
}

/** Backends that can write items verbatim (no duplicate detection) offer importItems. */
type Importer = { importItems(items: Item[]): Promise<UpsertOutcome[]> };
type Flushable = { flush(): Promise<void> };

const hasImport = (s: Store): s is Store & Importer =>
  typeof (s as Partial<Importer>).importItems === 'function';
const hasFlush = (s: Store): s is Store & Flushable =>
  typeof (s as Partial<Flushable>).flush === 'function';

export async function migrateStore(
  from: Store,
  to: Store,
  opts: MigrateOptions = {},
): Promise<MigrateResult> {
  const sources = await from.listSources();
  await to.upsertSources(sources);
  for (const s of sources) await to.setSourceState(s.id, await from.getSourceState(s.id));

  const sourceCount = await from.countItems();
  const before = await to.countItems();
  const write = hasImport(to) ? (b: Item[]) => to.importItems(b) : (b: Item[]) => to.upsertItems(b);
  let copied = 0;
  let added = 0;
  opts.onProgress?.(0, sourceCount);
  for await (const batch of from.scanItems(opts.batchSize ?? 500)) {
    const out = await write(batch);
    copied += batch.length;
    added += out.filter((o) => o.status === 'new' || o.status === 'duplicate').length;
    opts.onProgress?.(copied, sourceCount);
  }
  if (hasFlush(to)) await to.flush();
  const targetCount = await to.countItems();
  // Items already in the target are updated, not added; everything else must have arrived.
  if (copied !== sourceCount || targetCount !== before + added || targetCount < sourceCount) {
    throw new FatalError(
      `Migration count check failed: ${sourceCount} items in the source, ${copied} copied, ${targetCount} in the target (${before} before)`,
    );
  }
  return { copied, sourceCount, targetCount };
}
