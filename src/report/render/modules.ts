// What a render worker may run: the exported functions of these report modules, called by
// module and function name with plain (structured-clone) arguments. The chart, document
// and table code stays where it is; the worker imports it like any other caller.
import type * as charts from '../charts/index.ts';
import type * as document from '../document/index.ts';
import type * as tables from '../tables/index.ts';

export interface RenderModules {
  charts: typeof charts;
  document: typeof document;
  tables: typeof tables;
}
export type RenderModule = keyof RenderModules;

/** Relative to this folder, so this thread and the workers resolve the same files. */
export const MODULE_URLS: Record<RenderModule, URL> = {
  charts: new URL('../charts/index.ts', import.meta.url),
  document: new URL('../document/index.ts', import.meta.url),
  tables: new URL('../tables/index.ts', import.meta.url),
};

type AnyFn = (...args: never[]) => unknown;
export type RenderFn<M extends RenderModule> = {
  [F in keyof RenderModules[M]]: RenderModules[M][F] extends AnyFn ? F : never;
}[keyof RenderModules[M]] &
  string;
type FnOf<M extends RenderModule, F extends RenderFn<M>> = RenderModules[M][F] extends AnyFn
  ? RenderModules[M][F]
  : never;
export type RenderArgs<M extends RenderModule, F extends RenderFn<M>> = Parameters<FnOf<M, F>>;
export type RenderResult<M extends RenderModule, F extends RenderFn<M>> = Awaited<
  ReturnType<FnOf<M, F>>
>;

/** Runs report functions somewhere: in worker threads (renderPool) or here (inlineRenderer). */
export interface Renderer {
  call<M extends RenderModule, F extends RenderFn<M>>(
    module: M,
    fn: F,
    ...args: RenderArgs<M, F>
  ): Promise<RenderResult<M, F>>;
  close(): Promise<void>;
}

export function isRenderModule(m: unknown): m is RenderModule {
  return typeof m === 'string' && Object.hasOwn(MODULE_URLS, m);
}

/** Looks the function up and calls it; used by the worker and the inline renderer alike. */
export async function runRender(module: unknown, fn: unknown, args: unknown[]): Promise<unknown> {
  if (!isRenderModule(module)) throw new TypeError(`not a render module: ${String(module)}`);
  const mod = (await import(MODULE_URLS[module].href)) as Record<string, unknown>;
  const f = typeof fn === 'string' && Object.hasOwn(mod, fn) ? mod[fn] : undefined;
  if (typeof f !== 'function') throw new TypeError(`${module} has no function ${String(fn)}`);
  return (f as (...a: unknown[]) => unknown)(...args);
}
