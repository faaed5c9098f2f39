// The item list of a search, flattened for CSV/XLSX.
import type { SearchHit } from '../../core/store.ts';
import type { Column } from './columns.ts';

export interface ItemRow {
  id: string;
  publishedAt: string | null;
  outlet: string;
  sourceId: string;
  ownership: string;
  kind: string;
  lang: string;
  title: string;
  url: string;
  entities: string;
  storyId: string | null;
  duplicateOf: string | null;
  highlights: string;
}

export const ITEM_COLUMNS: Column[] = [
  { key: 'id', header: 'id' },
  { key: 'publishedAt', header: 'published_at', width: 22 },
  { key: 'outlet', header: 'outlet' },
  { key: 'sourceId', header: 'source_id' },
  { key: 'ownership', header: 'ownership' },
  { key: 'kind', header: 'kind' },
  { key: 'lang', header: 'lang' },
  { key: 'title', header: 'title', width: 50 },
  { key: 'url', header: 'url', width: 40 },
  { key: 'entities', header: 'entities' },
  { key: 'storyId', header: 'story_id' },
  { key: 'duplicateOf', header: 'duplicate_of' },
  { key: 'highlights', header: 'highlights', width: 60 },
];

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** Highlights arrive as HTML (<mark>, escaped text); a spreadsheet wants plain text. */
export function plainSnippet(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
}

export function itemsTable(hits: readonly SearchHit[]): ItemRow[] {
  return hits.map(({ item, highlights }) => ({
    id: item.id,
    publishedAt: item.publishedAt,
    outlet: item.sourceName,
    sourceId: item.sourceId,
    ownership: item.ownership,
    kind: item.kind,
    lang: item.lang,
    title: item.title,
    url: item.url,
    entities: item.entities.join('; '),
    storyId: item.storyId,
    duplicateOf: item.duplicateOf,
    highlights: highlights.map(plainSnippet).join(' … '),
  }));
}
