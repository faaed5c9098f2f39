import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { storeContract } from './store-contract.ts';

storeContract('sqlite', async () => sqliteStore({ path: ':memory:' }));
