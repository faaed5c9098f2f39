// Building DOM without innerHTML: crawled text only ever becomes text nodes.

// Links from data (an item's URL) may say javascript:; such a link is left without target.
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);
// eslint-disable-next-line no-control-regex -- browsers skip leading control characters
const SCRIPT_URL = /^[\s\u0000-\u001f]*(javascript|vbscript|data):/i;

/** The URL when it is http(s) (or relative), else undefined: for links to crawled pages. */
export function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url.trim()) ? url : undefined;
}

/** h('a', {href: '#'}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    // Through the CSSOM: the content security policy blocks style attributes.
    else if (k === 'style') el.style.cssText = v;
    else if (URL_ATTRS.has(k) && SCRIPT_URL.test(String(v))) continue;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const ENTITY = /&#(\d+);/g;

/**
 * Server highlights are escaped text with <mark> tags. Rebuild them as nodes instead of
 * trusting the string: anything but <mark> stays text.
 */
export function highlighted(snippet) {
  const frag = document.createDocumentFragment();
  const parts = snippet.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const p of parts) {
    if (p === '<mark>') marked = true;
    else if (p === '</mark>') marked = false;
    else if (p) {
      const text = p.replace(ENTITY, (_, n) => String.fromCharCode(Number(n)));
      frag.append(marked ? h('mark', {}, text) : document.createTextNode(text));
    }
  }
  return frag;
}

/** The text with each [start, end) range wrapped in <mark>, all as nodes. */
export function markRanges(text, ranges, titleFor) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < pos) continue;
    frag.append(document.createTextNode(text.slice(pos, r.start)));
    frag.append(
      h('mark', { class: `m-${r.tone}`, title: titleFor(r) }, text.slice(r.start, r.end)),
    );
    pos = r.end;
  }
  frag.append(document.createTextNode(text.slice(pos)));
  return frag;
}

export async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}
