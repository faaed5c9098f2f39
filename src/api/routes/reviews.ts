// Review of automatic tags and reliability of coding:
//   POST /items/:id/review   accept | correct | reject | add, by the logged-in coder
//   GET  /items/:id/reviews  the item's audit log
//   POST /codings            an independent (double) coding of an entity's tone
//   GET  /reliability        Krippendorff's alpha and agreement (?coders=a,b)
// The coder is the session user (res.locals.user, set by the auth middleware), never a
// field of the body; the app puts the coder role in front of the writing routes.
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import { reliabilityReport } from '../../metrics/reliability.ts';
import { HttpError } from '../errors.ts';

const TONE = z.enum(['positive', 'neutral', 'negative']);
const itemId = z.string().regex(/^[a-f0-9]{8,64}$/, 'item ids are hexadecimal');

const reviewBody = z
  .object({
    action: z.enum(['accept', 'correct', 'reject', 'add']),
    mention: z.number().int().min(0).optional(),
    entity: z.string().trim().min(1).max(200).optional(),
    type: z.enum(['candidate', 'party']).optional(),
    kind: z.enum(['name', 'title']).optional(),
    tone: TONE.optional(),
    speech: z.enum(['direct', 'indirect']).nullable().optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

const codingBody = z
  .object({
    itemId,
    entity: z.string().trim().min(1).max(200),
    tone: TONE,
  })
  .strict();

const reliabilityQuery = z.object({
  coders: z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : undefined,
    ),
});

function coderOf(res: Response): string {
  const user = (res.locals as { user?: { name?: unknown } }).user;
  return typeof user?.name === 'string' && user.name ? user.name : 'anonymous';
}

/** Drops keys whose value is undefined (the store's types are exact-optional friendly). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function reviewRoutes(store: Store): Router {
  const r = Router();

  const existing = async (raw: string) => {
    const id = itemId.safeParse(raw);
    if (!id.success) throw new HttpError(400, 'item ids are hexadecimal');
    if (!(await store.getItem(id.data))) throw new HttpError(404, `no item ${id.data}`);
    return id.data;
  };

  r.post('/items/:id/review', async (req, res) => {
    const id = await existing(req.params.id);
    const body = reviewBody.parse(req.body ?? {});
    const item = await store.reviewMention(defined({ ...body, itemId: id, coder: coderOf(res) }));
    res.json({ item });
  });

  r.get('/items/:id/reviews', async (req, res) => {
    const id = await existing(req.params.id);
    res.json({ reviews: await store.reviewLog(id) });
  });

  r.post('/codings', async (req, res) => {
    const body = codingBody.parse(req.body ?? {});
    await existing(body.itemId);
    await store.recordCoding({ ...body, coder: coderOf(res) });
    res.status(201).json({ ok: true });
  });

  r.get('/reliability', async (req, res) => {
    const { coders } = reliabilityQuery.parse(req.query);
    const [codings, log] = await Promise.all([
      store.codings(coders ? { coders } : {}),
      store.reviewLog(),
    ]);
    res.json(reliabilityReport(codings, log));
  });

  return r;
}
