import { describe, expect, it } from 'vitest';
import { canonicalUrl, itemId } from '../../../src/pipeline/canonical-url.ts';
import { contentHash } from '../../../src/pipeline/content-hash.ts';

describe('canonical URLs and hashes', () => {
  it('drops fragments, tracking parameters and default ports; sorts the query', () => {
    expect(canonicalUrl('HTTPS://News.Example:443/a?utm_source=fb&b=2&a=1#top')).toBe(
      'https://news.example/a?a=1&b=2',
    );
    expect(itemId(canonicalUrl('https://news.example/a?a=1&b=2'))).toBe(
      itemId(canonicalUrl('https://NEWS.example/a?b=2&a=1&fbclid=x')),
    );
  });

  it('hashes content the same whatever the spacing, case and punctuation', () => {
    expect(contentHash('Əliyev  seçicilərlə', 'Görüş keçdi.')).toBe(
      contentHash('ƏLİYEV seçicilərlə', 'görüş keçdi'),
    );
    expect(contentHash('Əliyev', 'Görüş keçdi')).not.toBe(contentHash('Əliyev', 'Görüş keçmədi'));
  });
});
