// ELD (Efficient Language Detector, npm "eld"), small database, limited to the four
// languages. Its database takes about half a second and 50 MB to load, so it is loaded
// once per thread on first use, not when the module is imported (start-up of every
// command would pay for it). Detection is synchronous, so is the load: require() of the
// package's ES module file (Node ≥ 20.19).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Detector {
  detect(text: string): { language: string };
  setLanguageSubset(languages: string[] | false): unknown;
}

let ready: Detector | null = null;
let failed = false;

export function eldSmall(): Detector | null {
  if (ready || failed) return ready;
  try {
    const file = fileURLToPath(import.meta.resolve('eld/small'));
    const { eld } = createRequire(import.meta.url)(file) as { eld: Detector };
    eld.setLanguageSubset(['az', 'ru', 'en', 'tr']);
    ready = eld;
  } catch {
    // Without it the detector falls back to franc: worse on short posts, still working.
    failed = true;
  }
  return ready;
}
