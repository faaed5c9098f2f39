// The Kibana saved objects must point at fields the items mapping really has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMapping } from '../../../src/store/elasticsearch/mappings.ts';

const lines = readFileSync(
  new URL('../../../dashboards/kibana/monitor-coverage.ndjson', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map(
    (l) =>
      JSON.parse(l) as {
        type: string;
        id: string;
        attributes: Record<string, unknown>;
        references: Array<{ type: string; id: string }>;
      },
  );

/** Dotted paths of every field in the mapping (object sub-properties flattened). */
function fieldPaths(
  props: Record<string, { properties?: Record<string, unknown> }>,
  prefix = '',
): string[] {
  return Object.entries(props).flatMap(([k, v]) =>
    v.properties ? fieldPaths(v.properties as typeof props, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('Kibana saved objects', () => {
  const fields = new Set(fieldPaths(loadMapping('items').mappings.properties as never));
  const ids = new Set(lines.map((l) => `${l.type}:${l.id}`));

  it('have a data view over the items indices with publishedAt as time field', () => {
    const dv = lines.find((l) => l.type === 'index-pattern');
    expect(dv?.attributes).toMatchObject({ title: 'monitor-items*', timeFieldName: 'publishedAt' });
  });

  it('aggregate only mapped, non-nested fields and reference objects that exist', () => {
    const vis = lines.filter((l) => l.type === 'visualization');
    expect(vis.length).toBeGreaterThanOrEqual(3);
    for (const v of vis) {
      const state = JSON.parse(v.attributes.visState as string) as {
        aggs: Array<{ params: { field?: string } }>;
      };
      for (const a of state.aggs) {
        if (!a.params.field) continue;
        expect(fields.has(a.params.field), a.params.field).toBe(true);
        expect(
          a.params.field.startsWith('entities.'),
          'Kibana cannot aggregate nested fields',
        ).toBe(false);
      }
    }
    for (const l of lines)
      for (const r of l.references) expect(ids.has(`${r.type}:${r.id}`), r.id).toBe(true);
    const dash = lines.find((l) => l.type === 'dashboard');
    expect(dash?.references.map((r) => r.id).sort()).toEqual(vis.map((v) => v.id).sort());
  });
});
