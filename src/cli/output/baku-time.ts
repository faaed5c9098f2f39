// Times for people in the terminal: Baku local time (UTC+4, no daylight saving), minutes.
import { DEFAULT_TZ_MINUTES } from '../../store/time.ts';

export function bakuTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  return new Date(t + DEFAULT_TZ_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}
