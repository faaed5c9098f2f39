// A read worker: its own read-only connection to the store file answers the heavy reads,
// so a long aggregation never stops the server thread (WAL lets readers run beside the
// writer).
import { parentPort, workerData } from 'node:worker_threads';
import { toWire } from '../../../core/wire-error.ts';
import { sqliteStore } from '../index.ts';
import type { ReadReply, ReadRequest } from './protocol.ts';

const { path } = workerData as { path: string };
const store = sqliteStore({ path, readonly: true });

parentPort!.on('message', async ({ id, method, args }: ReadRequest) => {
  let reply: ReadReply;
  try {
    const call = store[method] as (...a: unknown[]) => Promise<unknown>;
    reply = { id, result: await call.apply(store, args) };
  } catch (err) {
    reply = { id, error: toWire(err) };
  }
  parentPort!.postMessage(reply);
});
