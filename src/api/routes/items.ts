// Search, item detail and counts.
import { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import { filterParams, searchParams, toFilter, toSearch } from '../filter-params.ts';
import { HttpError } from '../errors.ts';
import type { Period } from '../../metrics/periods.ts';

const countParams = filterParams.extend({
  by: z
    .string()
    .default('entity')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(['entity', 'source', 'day', 'week'])).min(1)),
});

/** `periods` (from the election's dates) lets ?period=campaign stand for its dates. */
export function itemRoutes(store: Store, periods?: readonly Period[]): Router {
  const r = Router();
  r.get('/search', async (req, res) => {
    const q = toSearch(searchParams.parse(req.query), periods);
    res.json(await store.search(q));
  });
  r.get('/items/:id', async (req, res) => {
    const id = z
      .string()
      .regex(/^[a-f0-9]{8,64}$/)
      .safeParse(req.params.id);
    if (!id.success) throw new HttpError(400, 'item ids are hexadecimal');
    const item = await store.getItem(id.data);
    if (!item) throw new HttpError(404, `no item ${id.data}`);
    const story = item.storyId ? await store.storyItems(item.storyId) : [];
    res.json({ item, story: story.filter((s) => s.id !== item.id) });
  });
  r.get('/counts', async (req, res) => {
    const p = countParams.parse(req.query);
    res.json(await store.counts({ ...toFilter(p, periods), by: p.by }));
  });
  return r;
}
