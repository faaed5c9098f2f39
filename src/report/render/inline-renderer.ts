// Rendering on the calling thread, behind the same gate as the pool: for tests, the CLI,
// and MONITOR_RENDER_WORKERS=0.
import { limit, type LimitOptions } from './limit.ts';
import { runRender, type Renderer } from './modules.ts';

export function inlineRenderer(
  opts: Partial<Pick<LimitOptions, 'concurrency' | 'maxQueue'>> = {},
): Renderer {
  const gate = limit({
    concurrency: opts.concurrency ?? 2,
    maxQueue: opts.maxQueue ?? 8,
    what: 'rendering',
  });
  return {
    call: (module, fn, ...args) =>
      gate.run(() => runRender(module, fn, args)) as ReturnType<Renderer['call']>,
    close: async () => {},
  };
}
