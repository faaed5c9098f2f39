import { describe, expect, it } from 'vitest';
import { boundToUtc, intersectBounds, localDay } from '../../../src/store/time.ts';

describe('dates in Baku time', () => {
  it('reads date-only bounds as whole local days', () => {
    expect(boundToUtc('2024-02-06')).toBe('2024-02-05T20:00:00.000Z');
    expect(boundToUtc('2024-02-06', true)).toBe('2024-02-06T20:00:00.000Z');
    expect(localDay('2024-01-21T21:30:00Z')).toBe('2024-01-22');
  });

  it('intersects a user range with a period as instants, not as strings', () => {
    // The campaign ends at 08:00 Baku time on 6 February; "to 6 February" must not extend it.
    const campaign = { from: '2024-01-14T20:00:00.000Z', to: '2024-02-06T04:00:00.000Z' };
    expect(intersectBounds({ to: '2024-02-06' }, campaign)).toEqual(campaign);
    expect(intersectBounds({ from: '2024-02-01', to: '2024-02-03' }, campaign)).toEqual({
      from: '2024-01-31T20:00:00.000Z',
      to: '2024-02-03T20:00:00.000Z',
    });
    expect(intersectBounds({}, {})).toEqual({});
  });
});
