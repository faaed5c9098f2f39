// One coded broadcast segment as the dashboard sends it: 95 s of AzTV news about Zahid Oruc.
export const SEGMENT_ROW = {
  channel: 'AzTV',
  programme: 'Xəbərlər',
  date: '2024-01-25',
  start: '21:05',
  duration: 95,
  subject: 'oruc_zahid',
  tone: 'neutral',
  speech: 'direct',
} as const;
