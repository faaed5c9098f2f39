// One colour per subject in every chart of a report, the dashboard and the downloads: the
// colour follows the subject's place in the election's entity list (the order of
// `subjectNames`, which every caller builds from the dictionaries), not its place in one
// chart. Colour-blind-safe: Okabe–Ito's eight, then four of Paul Tol's.
export const SUBJECT_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#332288',
  '#F0E442',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
];

export function subjectColor(
  subject: string,
  subjectNames: Record<string, string> | undefined,
  fallbackIndex: number,
): string {
  const at = subjectNames ? Object.keys(subjectNames).indexOf(subject) : -1;
  const i = at >= 0 ? at : fallbackIndex;
  return SUBJECT_PALETTE[i % SUBJECT_PALETTE.length]!;
}
