import { describe, expect, it } from 'vitest';
import type { DemoPost } from '../../../src/demo/corpus.ts';
import { formatViews, previewSlice } from '../../../src/demo/render/telegram.ts';

describe('telegram preview rendering', () => {
  it('rounds view counts down like the real preview', () => {
    expect(formatViews(987)).toBe('987');
    expect(formatViews(1000)).toBe('1K');
    expect(formatViews(12_399)).toBe('12.3K');
    expect(formatViews(1_250_000)).toBe('1.2M');
  });

  it('slices pages of older posts by id, oldest first, with a link only while more remain', () => {
    const posts: DemoPost[] = Array.from({ length: 45 }, (_, i) => ({
      id: 100 + i * 2,
      date: '2024-01-20T10:00:00+04:00',
      views: 1,
      paragraphs: ['x'],
    }));
    const first = previewSlice(posts, null);
    expect(first.page.map((p) => p.id)).toEqual(posts.slice(25).map((p) => p.id));
    expect(first.older).toBe(posts[25]?.id);
    const second = previewSlice(posts, first.older);
    expect(second.page.at(-1)?.id).toBe(posts[24]?.id);
    const third = previewSlice(posts, second.older);
    expect(third.page.map((p) => p.id)).toEqual(posts.slice(0, 5).map((p) => p.id));
    expect(third.older).toBeNull();
  });
});
