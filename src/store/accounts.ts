// Picks where accounts live from configuration, beside the items: the embedded store's
// file, or an index of the Elasticsearch cluster (whose client is loaded only then).
import { join } from 'node:path';
import type { Config } from '../core/config.ts';
import type { AccountStore } from '../core/accounts.ts';
import { sqliteAccounts } from './sqlite/accounts.ts';

export async function openAccounts(
  config: Pick<Config, 'store' | 'dataDir' | 'esUrl' | 'esIndexPrefix'>,
): Promise<AccountStore> {
  let accounts: AccountStore;
  if (config.store === 'elasticsearch') {
    const { elasticsearchAccounts } = await import('./elasticsearch/accounts.ts');
    accounts = elasticsearchAccounts({ url: config.esUrl!, indexPrefix: config.esIndexPrefix });
  } else {
    accounts = sqliteAccounts({ path: join(config.dataDir, 'monitor.sqlite') });
  }
  await accounts.init();
  return accounts;
}
