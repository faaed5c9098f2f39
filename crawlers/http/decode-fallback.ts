// Used only when no decoder is injected: charset from Content-Type, then <meta>, else UTF-8.
import iconv from 'iconv-lite';

export function basicDecode(bytes: Buffer, contentType?: string): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = bytes.subarray(0, 2048).toString('latin1');
  const fromMeta =
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1];
  const charset = (fromHeader ?? fromMeta ?? 'utf-8').toLowerCase();
  if (charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) {
    return iconv.decode(bytes, charset);
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
