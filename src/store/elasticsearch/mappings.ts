// Index names, templates and mappings. The settings and mappings live in mappings/*.json
// (one home, read by this module and by the tests); this file only adds the names.
//
// Items and fetch events grow without bound, so they go to per-year indices
// (`<prefix>-items-2024`, undated items in `<prefix>-items-undated`) created on demand from
// an index template that also attaches a read alias (`<prefix>-items`). Reads always use
// the alias; writes go to the index chosen from the document's date.
import { readFileSync } from 'node:fs';

export interface IndexBody {
  settings: Record<string, unknown>;
  mappings: { properties: Record<string, unknown> } & Record<string, unknown>;
}

export type MappingName = 'items' | 'sources' | 'source-state' | 'fetch-events';

const cache = new Map<MappingName, IndexBody>();

export function loadMapping(name: MappingName): IndexBody {
  let body = cache.get(name);
  if (!body) {
    const url = new URL(`./mappings/${name}.json`, import.meta.url);
    body = JSON.parse(readFileSync(url, 'utf8')) as IndexBody;
    cache.set(name, body);
  }
  return structuredClone(body);
}

export interface IndexNames {
  /** Read alias over every per-year items index. */
  items: string;
  sources: string;
  sourceState: string;
  /** Read alias over every per-year fetch-events index. */
  fetchEvents: string;
}

export function indexNames(prefix: string): IndexNames {
  return {
    items: `${prefix}-items`,
    sources: `${prefix}-sources`,
    sourceState: `${prefix}-source-state`,
    fetchEvents: `${prefix}-fetch-events`,
  };
}

/** The concrete index a dated document is written to: `<alias>-<UTC year>` or `-undated`. */
export function yearIndex(alias: string, iso: string | null): string {
  const year = iso ? /^(\d{4})-/.exec(iso)?.[1] : undefined;
  return `${alias}-${year ?? 'undated'}`;
}

export interface IndexTemplate {
  name: string;
  index_patterns: string[];
  priority: number;
  template: IndexBody & { aliases: Record<string, object> };
}

/** Templates for the time-based indices; each attaches the read alias. */
export function indexTemplates(prefix: string): IndexTemplate[] {
  const names = indexNames(prefix);
  const timed: Array<[MappingName, string]> = [
    ['items', names.items],
    ['fetch-events', names.fetchEvents],
  ];
  return timed.map(([mapping, alias]) => ({
    name: alias,
    index_patterns: [`${alias}-*`],
    // Above the built-in templates (priority 100 for logs-*-* etc.).
    priority: 200,
    template: { ...loadMapping(mapping), aliases: { [alias]: {} } },
  }));
}

/** Plain indices (small, not time-based). */
export function plainIndices(prefix: string): Array<{ index: string; body: IndexBody }> {
  const names = indexNames(prefix);
  return [
    { index: names.sources, body: loadMapping('sources') },
    { index: names.sourceState, body: loadMapping('source-state') },
  ];
}
