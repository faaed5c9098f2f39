// Article texts for fault tests: deterministic, distinct per index, about `words` long,
// so no two items share a content hash.
const WORDS = (
  'seçki məntəqə namizəd müşahidəçi bülleten komissiya səsvermə rayon ' +
  'partiya hesabat xəbər mitinq televiziya qəzet bəyanat nəticə'
).split(' ');

export function articleText(i: number, words = 200): string {
  let x = (Math.imul(i + 1, 2654435761) ^ 0x5bd1e995) >>> 0;
  const out: string[] = [`Məqalə nömrə ${i}.`];
  for (let w = 0; w < words; w++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(WORDS[(x >>> 16) % WORDS.length]!);
    if (w % 12 === 11) out.push(`${i}-${w}.`);
  }
  return out.join(' ');
}
