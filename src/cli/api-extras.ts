// Routes that need more than the store (metrics, exports, charts) are wired here.
import type { Store } from '../core/store.ts';
import type { ExtraRoutes } from '../api/routes/extra.ts';
import type { Context } from './context.ts';

export async function apiExtras(_ctx: Context, _store: Store): Promise<ExtraRoutes[]> {
  return [];
}
