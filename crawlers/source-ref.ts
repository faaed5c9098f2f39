import type { SourceRef } from '../src/core/types.ts';
import type { Source } from '../src/core/source.ts';

export function sourceRef(source: Source): SourceRef {
  return { id: source.id, name: source.name, kind: source.kind, ownership: source.ownership };
}
