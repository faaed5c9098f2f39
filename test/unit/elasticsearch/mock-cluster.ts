// The official client on the official mock connection, recording every request.
import { Client } from '@elastic/elasticsearch';
import MockModule from '@elastic/elasticsearch-mock';

// A CommonJS module whose typings declare an ES default export: at run time the default
// import is the class itself.
const Mock = MockModule as unknown as typeof MockModule.default;

export interface Call {
  method: string;
  path: string;
  body: unknown;
  querystring: Record<string, string>;
}

export function mockCluster() {
  const mock = new Mock();
  const calls: Call[] = [];
  const client = new Client({ node: 'http://127.0.0.1:9200', Connection: mock.getConnection() });
  const on = (
    method: string | string[],
    path: string | string[],
    reply: (p: Call) => Record<string, unknown> | Error | string,
  ) =>
    mock.add({ method, path }, (p) => {
      calls.push(p as unknown as Call);
      return reply(p as unknown as Call) as Record<string, unknown>;
    });
  const find = (method: string, path: RegExp) =>
    calls.filter((c) => c.method === method && path.test(c.path));
  return { mock, client, calls, on, find };
}
