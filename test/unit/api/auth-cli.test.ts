// `monitor user add|list|disable` through the exported command functions.
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore } from '../../../src/core/accounts.ts';
import { verifyPassword } from '../../../src/api/auth/index.ts';
import { sqliteAccounts } from '../../../src/store/sqlite/accounts.ts';
import {
  registerUser,
  userAdd,
  userList,
  userSetDisabled,
  type UserIo,
} from '../../../src/cli/commands/user.ts';
import type { Context } from '../../../src/cli/context.ts';

const PASSWORD = 'first-admin-Bakı-2024';

function io(env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _enc, done) {
        into.push(String(chunk));
        done();
      },
    });
  const value: UserIo = {
    env,
    stdin: { isTTY: false },
    stdout: sink(out),
    stderr: sink(err),
    scrypt: { N: 2 ** 12, r: 8, p: 1 },
  };
  return { io: value, out, err };
}

describe('monitor user', () => {
  let accounts: AccountStore;
  beforeEach(() => {
    accounts = sqliteAccounts({ path: ':memory:' });
  });
  afterEach(() => accounts.close());

  it('adds the first admin with the password from MONITOR_NEW_PASSWORD', async () => {
    const t = io({ MONITOR_NEW_PASSWORD: PASSWORD });
    await userAdd(accounts, 'Admin', 'admin', t.io);
    const saved = await accounts.getUser('admin');
    expect(saved?.role).toBe('admin');
    expect(saved?.passwordHash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword(PASSWORD, saved!.passwordHash)).toBe(true);
    expect(t.out.join('')).toBe('added admin (admin)\n');
    expect([...t.out, ...t.err].join('')).not.toContain(PASSWORD);
  });

  it('refuses clearly without a password source, with a short password, or a taken name', async () => {
    await expect(userAdd(accounts, 'admin', 'admin', io({}).io)).rejects.toThrow(
      /set MONITOR_NEW_PASSWORD, or run this on a terminal/,
    );
    await expect(
      userAdd(accounts, 'admin', 'admin', io({ MONITOR_NEW_PASSWORD: 'short' }).io),
    ).rejects.toThrow(/at least 10 characters/);
    await expect(
      userAdd(accounts, 'a b', 'admin', io({ MONITOR_NEW_PASSWORD: PASSWORD }).io),
    ).rejects.toThrow(/user name/);
    expect(await accounts.listUsers()).toEqual([]);
    await userAdd(accounts, 'admin', 'admin', io({ MONITOR_NEW_PASSWORD: PASSWORD }).io);
    await expect(
      userAdd(accounts, 'admin', 'viewer', io({ MONITOR_NEW_PASSWORD: PASSWORD }).io),
    ).rejects.toThrow(/exists/);
  });

  it('lists users and disables one', async () => {
    const env = { MONITOR_NEW_PASSWORD: PASSWORD };
    await userAdd(accounts, 'admin', 'admin', io(env).io);
    await userAdd(accounts, 'aysel', 'coder', io(env).io);
    await userSetDisabled(accounts, 'aysel', true, io(env).io);
    expect((await accounts.getUser('aysel'))?.disabled).toBe(true);
    const t = io(env);
    await userList(accounts, t.io);
    const lines = t.out.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^admin\s+admin\s+\d{4}-/);
    expect(lines[1]).toMatch(/^aysel\s+coder\s+.*disabled$/);
    await expect(userSetDisabled(accounts, 'ghost', true, io(env).io)).rejects.toThrow(
      /no user named ghost/,
    );
  });

  it('registers add (with a mandatory --role), list and disable under `user`', () => {
    const program = new Command('monitor');
    registerUser(program, () => ({}) as Context);
    const user = program.commands.find((c) => c.name() === 'user')!;
    expect(user.commands.map((c) => c.name())).toEqual(
      expect.arrayContaining(['add', 'list', 'disable']),
    );
    const role = user.commands
      .find((c) => c.name() === 'add')!
      .options.find((o) => o.long === '--role');
    expect(role?.mandatory).toBe(true);
    expect(role?.argChoices).toEqual(['viewer', 'coder', 'admin']);
  });
});

describe('monitor user add on a terminal', () => {
  it('asks twice without echo and refuses when the answers differ', async () => {
    const { PassThrough } = await import('node:stream');
    const terminal = (answers: string[]) => {
      const stdin = Object.assign(new PassThrough(), {
        isTTY: true,
        raw: [] as boolean[],
        setRawMode(on: boolean) {
          stdin.raw.push(on);
          // Type the next answer once the prompt listens, with a backspace to erase a typo.
          if (on) setImmediate(() => stdin.write(`${answers.shift()}x\u007f\r`));
          return stdin;
        },
      });
      return stdin;
    };
    const accounts = sqliteAccounts({ path: ':memory:' });
    const t = io({});
    const stdin = terminal([PASSWORD, PASSWORD]);
    await userAdd(accounts, 'admin', 'admin', { ...t.io, stdin: stdin as never });
    expect(await verifyPassword(PASSWORD, (await accounts.getUser('admin'))!.passwordHash)).toBe(
      true,
    );
    expect(stdin.raw).toEqual([true, false, true, false]);
    expect(t.err.join('')).toBe('New password: \nRepeat it: \n');
    const differ = terminal([PASSWORD, `${PASSWORD}!`]);
    await expect(
      userAdd(accounts, 'aysel', 'coder', { ...io({}).io, stdin: differ as never }),
    ).rejects.toThrow(/differ/);
    await accounts.close();
  });
});
