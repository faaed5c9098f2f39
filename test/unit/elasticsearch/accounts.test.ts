// Accounts in Elasticsearch: the requests sent and how replies become users.
import { readFileSync } from 'node:fs';
import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../src/core/accounts.ts';
import {
  elasticsearchAccounts,
  USERS_MAPPING_URL,
} from '../../../src/store/elasticsearch/accounts.ts';
import { mockCluster } from './mock-cluster.ts';

const responseError = (statusCode: number, body: Record<string, unknown> = {}) =>
  new errors.ResponseError({
    body,
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

const leyla: User = {
  name: 'leyla',
  role: 'coder',
  passwordHash: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==',
  createdAt: '2024-01-20T10:00:00.000Z',
};

function setup() {
  const es = mockCluster();
  const accounts = elasticsearchAccounts({
    url: 'http://127.0.0.1:9200',
    indexPrefix: 'lab',
    client: es.client,
  });
  return { ...es, accounts };
}

describe('elasticsearchAccounts', () => {
  it('creates <prefix>-users from mappings/users.json when it is missing', async () => {
    const { on, find, accounts } = setup();
    on('HEAD', '/lab-users', () => responseError(404));
    on('PUT', '/lab-users', () => ({ acknowledged: true }));
    await accounts.init();
    const mapping = JSON.parse(readFileSync(USERS_MAPPING_URL, 'utf8')) as Record<string, unknown>;
    expect(find('PUT', /^\/lab-users$/)[0]?.body).toEqual(mapping);
  });

  it('leaves an existing index alone and tolerates losing the race to create it', async () => {
    const existing = setup();
    existing.on('HEAD', '/lab-users', () => ({}));
    await existing.accounts.init();
    expect(existing.find('PUT', /lab-users/)).toHaveLength(0);

    const racing = setup();
    racing.on('HEAD', '/lab-users', () => responseError(404));
    racing.on('PUT', '/lab-users', () =>
      responseError(400, { error: { type: 'resource_already_exists_exception' } }),
    );
    await expect(racing.accounts.init()).resolves.toBeUndefined();

    const broken = setup();
    broken.on('HEAD', '/lab-users', () => responseError(404));
    broken.on('PUT', '/lab-users', () =>
      responseError(400, { error: { type: 'mapper_parsing_exception' } }),
    );
    await expect(broken.accounts.init()).rejects.toThrow();
  });

  it('reads a user by name, and null when the document is missing', async () => {
    const { on, accounts } = setup();
    on('GET', '/lab-users/_doc/:id', (p) =>
      p.path.endsWith('/leyla')
        ? { _index: 'lab-users', _id: 'leyla', found: true, _source: leyla }
        : responseError(404, { found: false }),
    );
    expect(await accounts.getUser('leyla')).toEqual(leyla);
    expect(await accounts.getUser('nobody')).toBeNull();
  });

  it('writes a user under its name and waits until searches see it', async () => {
    const { on, find, accounts } = setup();
    on('PUT', '/lab-users/_doc/:id', () => ({ result: 'created' }));
    await accounts.saveUser(leyla);
    await accounts.saveUser({ ...leyla, disabled: true });
    const puts = find('PUT', /^\/lab-users\/_doc\/leyla$/);
    expect(puts.map((p) => p.body)).toEqual([leyla, { ...leyla, disabled: true }]);
    expect(puts[0]?.querystring.refresh).toBe('wait_for');
  });

  it('lists users by name without asking for their password hashes', async () => {
    const { on, find, accounts } = setup();
    const { passwordHash: _h, ...publicLeyla } = leyla;
    on('POST', '/lab-users/_search', () => ({
      hits: { total: { value: 1, relation: 'eq' }, hits: [{ _id: 'leyla', _source: publicLeyla }] },
    }));
    expect(await accounts.listUsers()).toEqual([publicLeyla]);
    const body = find('POST', /_search$/)[0]?.body as Record<string, unknown>;
    expect(body._source).toEqual({ excludes: ['passwordHash'] });
    expect(body.sort).toEqual([{ name: 'asc' }]);
  });

  it('ignores deleting a missing user but reports other failures', async () => {
    const { on, accounts } = setup();
    on('DELETE', '/lab-users/_doc/:id', (p) =>
      p.path.endsWith('/gone') ? responseError(404, { result: 'not_found' }) : responseError(503),
    );
    await expect(accounts.deleteUser('gone')).resolves.toBeUndefined();
    await expect(accounts.deleteUser('leyla')).rejects.toThrow();
  });

  it('refuses an index prefix Elasticsearch would reject', () => {
    expect(() => elasticsearchAccounts({ url: 'http://x', indexPrefix: 'Bad Prefix' })).toThrow(
      /MONITOR_ES_INDEX_PREFIX/,
    );
  });

  it('maps every User field, strictly, and never indexes the password hash', () => {
    const mapping = JSON.parse(readFileSync(USERS_MAPPING_URL, 'utf8')) as {
      mappings: { dynamic: string; properties: Record<string, { index?: boolean }> };
    };
    expect(mapping.mappings.dynamic).toBe('strict');
    expect(Object.keys(mapping.mappings.properties).sort()).toEqual(
      ['createdAt', 'disabled', 'name', 'passwordHash', 'role'].sort(),
    );
    expect(mapping.mappings.properties.passwordHash?.index).toBe(false);
  });
});
