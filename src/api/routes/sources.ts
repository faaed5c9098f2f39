// Source health: what the Sources page and `monitor sources check` show.
import { Router } from 'express';
import type { Store } from '../../core/store.ts';

export function sourceRoutes(store: Store): Router {
  const r = Router();
  r.get('/sources', async (_req, res) => {
    res.json({ sources: await store.sourceHealth() });
  });
  r.get('/sources/:id/fetches', async (req, res) => {
    res.json({ fetches: await store.fetchEvents(req.params.id, 100) });
  });
  return r;
}
