// Accounts in the index `<prefix>-users`, one document per user keyed by name (realtime
// get, so a disabled user is refused at once). Mapping in mappings/users.json.
import { readFileSync } from 'node:fs';
import { Client } from '@elastic/elasticsearch';
import type { AccountStore, PublicUser, User } from '../../core/accounts.ts';
import { FatalError } from '../../core/errors.ts';

export interface ElasticsearchAccountsOptions {
  url: string;
  indexPrefix: string;
  /** A ready client (tests pass one on the mock connection); not closed by close(). */
  client?: Client;
  /** Delete the index on close() (test stores). */
  dropOnClose?: boolean;
}

export const USERS_MAPPING_URL = new URL('./mappings/users.json', import.meta.url);

export function usersIndexName(prefix: string): string {
  return `${prefix}-users`;
}

const statusOf = (err: unknown) => (err as { meta?: { statusCode?: number } }).meta?.statusCode;
const errorType = (err: unknown) =>
  (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;

export function elasticsearchAccounts(opts: ElasticsearchAccountsOptions): AccountStore {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(opts.indexPrefix)) {
    throw new FatalError(
      `Elasticsearch index prefix ${JSON.stringify(opts.indexPrefix)} must be lower-case letters, digits, _ or - (MONITOR_ES_INDEX_PREFIX)`,
    );
  }
  const client = opts.client ?? new Client({ node: opts.url });
  const index = usersIndexName(opts.indexPrefix);

  return {
    async init() {
      if (await client.indices.exists({ index })) return;
      const body = JSON.parse(readFileSync(USERS_MAPPING_URL, 'utf8')) as {
        settings: Record<string, unknown>;
        mappings: Record<string, unknown>;
      };
      try {
        await client.indices.create({ index, settings: body.settings, mappings: body.mappings });
      } catch (err) {
        // Another process created it between the check and the create.
        if (errorType(err) !== 'resource_already_exists_exception') throw err;
      }
    },
    async close() {
      if (opts.dropOnClose) await client.indices.delete({ index, ignore_unavailable: true });
      if (!opts.client) await client.close();
    },
    async getUser(name) {
      try {
        const r = await client.get<User>({ index, id: name });
        return r.found && r._source ? r._source : null;
      } catch (err) {
        if (statusOf(err) === 404) return null;
        throw err;
      }
    },
    async saveUser(u) {
      const doc: User = {
        name: u.name,
        role: u.role,
        passwordHash: u.passwordHash,
        createdAt: u.createdAt,
        ...(u.disabled ? { disabled: true } : {}),
      };
      // wait_for: the user list shows the change as soon as the call returns.
      await client.index({ index, id: u.name, document: doc, refresh: 'wait_for' });
    },
    async listUsers(): Promise<PublicUser[]> {
      const res = await client.search<PublicUser>({
        index,
        query: { match_all: {} },
        sort: [{ name: 'asc' }],
        size: 10_000,
        _source: { excludes: ['passwordHash'] },
      });
      return res.hits.hits.map((h) => h._source!);
    },
    async deleteUser(name) {
      try {
        await client.delete({ index, id: name, refresh: 'wait_for' });
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    },
  };
}
