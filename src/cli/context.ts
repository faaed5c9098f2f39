// The composition root: the only place that reads configuration and builds concrete
// objects. Commands ask for what they need; nothing else looks things up.
import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { loadConfig, type Config } from '../core/config.ts';
import type { Store } from '../core/store.ts';
import type { LanguageDetector, Tagger } from '../core/types.ts';
import { openStore } from '../store/index.ts';
import { loadTagger } from '../tagging/index.ts';
import { createLanguageDetector } from '../language/index.ts';
import { pipelineSink } from '../pipeline/process-item.ts';
import { errorMessage } from '../core/errors.ts';
import { createLogger, type Logger } from './log.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DICTIONARIES_DIR = resolve(PROJECT_ROOT, 'dictionaries');

export function projectPath(p: string): string {
  return isAbsolute(p) ? p : resolve(PROJECT_ROOT, p);
}

export interface Context {
  config: Config;
  log: Logger;
  tagger(): ReturnType<typeof loadTagger>;
  detector(): LanguageDetector;
  store(): Promise<Store>;
  close(): Promise<void>;
}

export function createContext(overrides: Partial<Config> = {}, env = process.env): Context {
  const config = { ...loadConfig(env), ...overrides };
  const log = createLogger(config.logLevel, undefined, { secrets: secretsOf(config, env) });
  let tagger: ReturnType<typeof loadTagger> | undefined;
  let detector: LanguageDetector | undefined;
  let store: Promise<Store> | undefined;
  return {
    config,
    log,
    tagger: () => (tagger ??= loadTagger(DICTIONARIES_DIR, config.election)),
    detector: () => (detector ??= createLanguageDetector()),
    store: () =>
      (store ??= openStore(
        { ...config, dataDir: resolve(process.cwd(), config.dataDir) },
        { log: (m) => log.warn(m) },
      )),
    async close() {
      if (store) await (await store).close();
    },
  };
}

/** The pipeline in front of the store: language, tags, topics, hashes. */
export async function createSink(ctx: Context) {
  const store = await ctx.store();
  const tagger: Tagger = ctx.tagger();
  return pipelineSink(store, {
    tagger,
    detector: ctx.detector(),
    onSkip: (raw, err) => ctx.log.warn(`skipped ${raw.url || '(no url)'}: ${errorMessage(err)}`),
  });
}

/** Values from the settings that must never reach a log line, whatever prints them. */
function secretsOf(config: Config, env: NodeJS.ProcessEnv): string[] {
  const out = [config.sessionSecret, env.MONITOR_NEW_PASSWORD];
  if (config.esUrl) {
    try {
      const password = new URL(config.esUrl).password;
      out.push(password, decodeURIComponent(password));
    } catch {
      // not a URL: the config check reports it
    }
  }
  return out.filter((s): s is string => typeof s === 'string' && s.length > 0);
}
