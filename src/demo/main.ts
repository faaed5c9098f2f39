// Serve the demo news web for manual browsing: npx tsx src/demo/main.ts [port]
import { startDemoWeb } from './server.ts';

const port = Number(process.argv[2] ?? process.env.DEMO_PORT ?? 0);
const web = await startDemoWeb({ port });
console.log(`Demo news web: ${web.url}/`);
for (const s of web.sources)
  console.log(`  ${s.id.padEnd(22)} ${s.kind.padEnd(9)} ${s.urls.join(' ')}`);
const stop = (): void => {
  void web.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
