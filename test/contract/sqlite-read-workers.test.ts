// The same contract with search, counts and coverage answered by a read worker on its own
// connection: what a write commits, the next read sees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { readWorkers } from '../../src/store/sqlite/read-workers/index.ts';
import { storeContract } from './store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'monitor-read-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('sqlite with read workers', async () => {
  const path = join(dir, `store-${n++}.sqlite`);
  return readWorkers(sqliteStore({ path }), { path, workers: 1 }).store;
});
