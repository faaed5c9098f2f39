// Highlights come from the Elasticsearch highlighter with private-use sentinel tags and
// no encoder, and are escaped here with the same escapeHtml as the SQLite backend. (ES's
// 'html' encoder writes &lt; where the rest of the monitor writes &#60;.)
import { escapeHtml } from '../search/highlight.ts';

const PRE = '\uE000';
const POST = '\uE001';

export const HIGHLIGHT_REQUEST = {
  pre_tags: [PRE],
  post_tags: [POST],
  require_field_match: true,
  fields: {
    // The whole headline, then up to three fragments of the body.
    'title.folded': { number_of_fragments: 0 },
    'text.folded': { fragment_size: 160, number_of_fragments: 3 },
  },
};

/** One fragment with sentinel tags → escaped HTML with <mark>. */
export function renderFragment(fragment: string): string {
  let out = '';
  let inside = false;
  for (const part of fragment.split(/([\uE000\uE001])/)) {
    if (part === PRE) {
      if (!inside) out += '<mark>';
      inside = true;
    } else if (part === POST) {
      if (inside) out += '</mark>';
      inside = false;
    } else out += escapeHtml(part);
  }
  if (inside) out += '</mark>';
  return out.replace(/\s+/g, ' ').trim();
}

export function renderHighlights(hl: Record<string, string[]> | undefined, max = 3): string[] {
  if (!hl) return [];
  const fragments = [...(hl['title.folded'] ?? []), ...(hl['text.folded'] ?? [])];
  return fragments.slice(0, max).map(renderFragment);
}
