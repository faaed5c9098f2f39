// Text width for charts drawn without a browser. ECharts lays out legends and axis labels
// from measured text; on the server it has no canvas and guesses, too narrow for our font
// (DejaVu Sans is wide) and for non-ASCII letters, so legend items ran into each other
// ("Razi NurullayevElşad Musayev"). Widths here are DejaVu Sans advance widths in em,
// grouped; measured text is never narrower than what resvg then draws.
const NARROW = new Set([..."ijl.,:;!|'`ıİ()[]{}/\\ "]);
const SEMI = new Set([...'frt-"*Jf']);
const WIDE = new Set([...'mwMWŒœæÆШЩЖЮшщжюФф@%']);

export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    // zrender takes the width of 国 as the height of a line: give lines room to breathe.
    if (ch === '国') em += 1.25;
    else if (NARROW.has(ch)) em += 0.32;
    else if (SEMI.has(ch)) em += 0.42;
    else if (WIDE.has(ch)) em += 0.95;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (ch !== ch.toLowerCase()) em += 0.72;
    else em += 0.62;
  }
  return em;
}

/** Pixels for a CSS font string such as "bold 18px DejaVu Sans" (12 px when absent). */
export function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  const bold = /bold|[6-9]00/.test(font ?? '') ? 1.08 : 1;
  return { width: textWidthEm(text) * size * bold };
}

/**
 * Breaks a label at spaces into lines no wider than `maxWidth` (12 px text); a word is
 * never cut. Done here rather than by ECharts, whose own breaking cut names mid-word.
 */
export function wrapLabel(label: string, maxWidth: number, font = '12px'): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measureText(next, font).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
