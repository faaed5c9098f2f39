// Size limits of what the server renders on request. A PNG's cost grows with its pixels
// (a 4000 × 3000 chart is a 48 MB raster): the limits keep one request to a few MB of
// memory and a fraction of a second in a render thread. Each refusal names the limit.
import { z } from 'zod';

export const CHART_LIMITS = {
  minWidth: 200,
  maxWidth: 3000,
  minHeight: 150,
  maxHeight: 2000,
  /** Width × height × scale², the pixels actually drawn. */
  maxPixels: 4_000_000,
} as const;

const L = CHART_LIMITS;

export const chartWidth = z.coerce
  .number()
  .int()
  .min(L.minWidth, `width must be at least ${L.minWidth} pixels`)
  .max(L.maxWidth, `width must be at most ${L.maxWidth} pixels`);
export const chartHeight = z.coerce
  .number()
  .int()
  .min(L.minHeight, `height must be at least ${L.minHeight} pixels`)
  .max(L.maxHeight, `height must be at most ${L.maxHeight} pixels`);

/** The error message when a chart draws too many pixels, or null when it is within. */
export function chartPixelsError(width: number, height: number, scale = 1): string | null {
  const pixels = Math.round(width * scale) * Math.round(height * scale);
  if (pixels <= L.maxPixels) return null;
  return `chart too large: ${width} × ${height}${scale !== 1 ? ` at scale ${scale}` : ''} is ${pixels} pixels; the limit is ${L.maxPixels}`;
}

/** Items whose mentions one export reads at most (each item is loaded whole). */
export const MENTIONS_EXPORT_ITEMS = 20_000;
