// Lenient repairs for feeds seen in the wild, tried once when strict parsing fails.

/** Characters XML 1.0 forbids (control characters other than tab, LF, CR). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** "&" not starting an entity or character reference. */
const BARE_AMPERSAND = /&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)/g;

export function repairXml(xml: string): string {
  return xml
    .replace(/^\uFEFF/, '')
    .replace(/^[\s\S]*?(?=<\?xml|<rss|<feed|<rdf:RDF)/, '') // junk before the prolog
    .replace(INVALID_XML_CHARS, '')
    .replace(BARE_AMPERSAND, '&amp;');
}

/**
 * rss-parser throws on an Atom <published>/<updated> that Date cannot read, losing the
 * whole feed; empty such elements beforehand so the item survives without a date.
 */
export function dropUnreadableAtomDates(xml: string): string {
  return xml.replace(/<(published|updated)>([^<]*)<\/\1>/g, (whole, tag: string, value: string) =>
    Number.isNaN(Date.parse(value.trim())) ? `<${tag}></${tag}>` : whole,
  );
}
