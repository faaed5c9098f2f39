// Ratio of the most to the least covered subject.

export type MaxMinReason = 'no-subjects' | 'no-coverage' | 'zero-minimum';

export interface MaxMinRatio {
  value: number | null;
  /** Why value is null: there is no ratio to report when someone got nothing. */
  reason?: MaxMinReason;
  /** Subjects with zero coverage (reported instead of an infinite ratio). */
  zeroSubjects?: number;
}

export function maxMinRatio(values: readonly number[]): MaxMinRatio {
  if (values.length === 0) return { value: null, reason: 'no-subjects' };
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (max === 0) return { value: null, reason: 'no-coverage' };
  if (min === 0) {
    return {
      value: null,
      reason: 'zero-minimum',
      zeroSubjects: values.filter((v) => v === 0).length,
    };
  }
  return { value: max / min };
}
