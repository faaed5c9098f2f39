// A render worker: runs one report function at a time (charts to PNG, DOCX, HTML, tables to
// CSV/XLSX), so the CPU-heavy part of a download never stops the server thread.
import { parentPort } from 'node:worker_threads';
import { toWire } from '../../core/wire-error.ts';
import { runRender } from './modules.ts';
import type { RenderReply, RenderRequest } from './protocol.ts';

parentPort!.on('message', async ({ module, fn, args }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { result: await runRender(module, fn, args) };
  } catch (err) {
    reply = { error: toWire(err) };
  }
  parentPort!.postMessage(reply);
});
