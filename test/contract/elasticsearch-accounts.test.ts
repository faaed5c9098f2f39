// Runs the accounts contract against a real cluster when MONITOR_ES_URL is set
// (`docker compose up elasticsearch`, then MONITOR_ES_URL=http://127.0.0.1:9200 npm test).
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { accountsContract } from './accounts-contract.ts';

const url = process.env.MONITOR_ES_URL;

describe.skipIf(!url)('Elasticsearch accounts (MONITOR_ES_URL)', () => {
  accountsContract('elasticsearch', async () => {
    const { elasticsearchAccounts } = await import('../../src/store/elasticsearch/accounts.ts');
    const accounts = elasticsearchAccounts({
      url: url!,
      indexPrefix: `contract-${randomBytes(5).toString('hex')}`,
      dropOnClose: true,
    });
    await accounts.init();
    return accounts;
  });
});

describe.skipIf(!!url)(
  'Elasticsearch accounts contract: skipped, set MONITOR_ES_URL=http://127.0.0.1:9200 to run it',
  () => {
    it.skip('needs a running cluster (docker compose up elasticsearch)', () => {});
  },
);
