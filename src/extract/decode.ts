// Bytes → string for HTML pages: charset from the Content-Type header, a byte-order mark,
// or <meta charset>/http-equiv in the first 4 KB, in that order; UTF-8 when none is given
// or the name is unknown to iconv-lite.
import iconv from 'iconv-lite';

const SNIFF_BYTES = 4096;

export function decodeHtml(bytes: Buffer, contentTypeHeader?: string): string {
  const bom = bomCharset(bytes);
  const charset =
    charsetFromContentType(contentTypeHeader) ?? bom ?? charsetFromMeta(bytes) ?? 'utf-8';
  const name = iconv.encodingExists(charset) ? charset : 'utf-8';
  // iconv-lite strips a BOM that matches the encoding it decodes.
  return iconv.decode(bytes, name);
}

export function charsetFromContentType(header: string | undefined): string | null {
  const m = header ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(header) : null;
  return m?.[1] ? alias(m[1]) : null;
}

function bomCharset(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetFromMeta(bytes: Buffer): string | null {
  // latin1 keeps every byte as one char, so ASCII markup reads the same in any charset.
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct?.[1] ? alias(direct[1]) : null;
}

/** Labels pages use that iconv-lite knows under another name. */
function alias(label: string): string {
  const l = label.toLowerCase();
  if (l === 'win-1251' || l === 'cp-1251' || l === 'windows1251') return 'windows-1251';
  if (l === 'x-cp1251') return 'windows-1251';
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii') return 'windows-1252';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  return l;
}
