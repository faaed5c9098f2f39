// Source health: what the Sources page and `monitor sources check` show.
import { Router } from 'express';
import type { Store } from '../../core/store.ts';
import { sourceStatuses, summariseSources } from '../../store/source-status.ts';

export function sourceRoutes(store: Store): Router {
  const r = Router();
  // Health, the state in words (in `lang`), next attempt and items collected today.
  r.get('/sources', async (req, res) => {
    const lang = req.query.lang === 'az' ? 'az' : 'en';
    const sources = await sourceStatuses(store, { lang });
    res.json({ sources, summary: summariseSources(sources) });
  });
  r.get('/sources/:id/fetches', async (req, res) => {
    res.json({ fetches: await store.fetchEvents(req.params.id, 100) });
  });
  return r;
}
