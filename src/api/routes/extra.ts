// Later stages (metrics, exports, charts) plug routes in without the app knowing them.
import { Router, type Request, type Response } from 'express';

export interface ExtraRoutes {
  get: Record<string, (req: Request, res: Response) => Promise<void>>;
}

export function extraRoutes(extra: ExtraRoutes): Router {
  const r = Router();
  for (const [path, handler] of Object.entries(extra.get)) r.get(path, handler);
  return r;
}
