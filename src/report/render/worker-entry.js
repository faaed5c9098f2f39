// Worker-thread entry: the TypeScript sources run through tsx here too.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
