// monitor user add|list|disable|enable|password: dashboard accounts from the command line.
// The first admin is made here: `MONITOR_NEW_PASSWORD=… monitor user add NAME --role admin`,
// or without the variable on a terminal, which asks twice without echo.
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import {
  normalizeUserName,
  ROLES,
  USER_NAME_RULE,
  type AccountStore,
  type PublicUser,
  type Role,
  type User,
} from '../../core/accounts.ts';
import { FatalError } from '../../core/errors.ts';
import { hashPassword, passwordProblem, type ScryptParams } from '../../api/auth/password.ts';
import { openAccounts } from '../../store/accounts.ts';
import type { Context } from '../context.ts';

/** What the commands read and write; tests pass their own. */
export interface UserIo {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream | { isTTY?: boolean };
  /** Prompts go here, so stdout carries only results. */
  stderr: Writable;
  stdout: Writable;
  scrypt?: ScryptParams;
  now?: () => Date;
}

const defaultIo = (): UserIo => ({
  env: process.env,
  stdin: process.stdin,
  stderr: process.stderr,
  stdout: process.stdout,
});

function promptHidden(question: string, stdin: NodeJS.ReadStream, out: Writable): Promise<string> {
  return new Promise((resolvePrompt, reject) => {
    out.write(question);
    let value: string[] = [];
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      out.write('\n');
      if (err) reject(err);
      else resolvePrompt(value.join(''));
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new FatalError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value.push(ch);
      }
    };
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** MONITOR_NEW_PASSWORD if set, else asked twice on a terminal; checked for length. */
export async function readNewPassword(io: UserIo): Promise<string> {
  let password = io.env.MONITOR_NEW_PASSWORD;
  if (!password) {
    const stdin = io.stdin as NodeJS.ReadStream;
    if (!stdin.isTTY || typeof stdin.setRawMode !== 'function')
      throw new FatalError(
        'no password given: set MONITOR_NEW_PASSWORD, or run this on a terminal to be asked for one',
      );
    password = await promptHidden('New password: ', stdin, io.stderr);
    const again = await promptHidden('Repeat it: ', stdin, io.stderr);
    if (password !== again) throw new FatalError('the two passwords differ; nothing was changed');
  }
  const problem = passwordProblem(password);
  if (problem) throw new FatalError(`${problem}; nothing was changed`);
  return password;
}

function checkedName(raw: string): string {
  const name = normalizeUserName(raw);
  if (!name) throw new FatalError(`${JSON.stringify(raw)}: ${USER_NAME_RULE}`);
  return name;
}

async function existing(accounts: AccountStore, raw: string): Promise<User> {
  const user = await accounts.getUser(checkedName(raw));
  if (!user) throw new FatalError(`no user named ${raw} (monitor user list shows them)`);
  return user;
}

export async function userAdd(
  accounts: AccountStore,
  rawName: string,
  role: Role,
  io: UserIo = defaultIo(),
): Promise<PublicUser> {
  const name = checkedName(rawName);
  if (await accounts.getUser(name))
    throw new FatalError(
      `a user named ${name} exists; use monitor user password ${name} to set a new password`,
    );
  const password = await readNewPassword(io);
  const createdAt = (io.now?.() ?? new Date()).toISOString();
  await accounts.saveUser({
    name,
    role,
    passwordHash: await hashPassword(password, io.scrypt),
    createdAt,
  });
  io.stdout.write(`added ${name} (${role})\n`);
  return { name, role, createdAt };
}

export async function userList(accounts: AccountStore, io: UserIo = defaultIo()): Promise<void> {
  const users = await accounts.listUsers();
  if (!users.length) {
    io.stdout.write('no users yet; add the first admin with: monitor user add NAME --role admin\n');
    return;
  }
  for (const u of users)
    io.stdout.write(
      `${u.name.padEnd(24)} ${u.role.padEnd(7)} ${u.createdAt}${u.disabled ? '  disabled' : ''}\n`,
    );
}

export async function userSetDisabled(
  accounts: AccountStore,
  rawName: string,
  disabled: boolean,
  io: UserIo = defaultIo(),
): Promise<void> {
  const user = await existing(accounts, rawName);
  await accounts.saveUser({ ...user, disabled });
  io.stdout.write(`${disabled ? 'disabled' : 'enabled'} ${user.name}\n`);
}

export async function userPassword(
  accounts: AccountStore,
  rawName: string,
  io: UserIo = defaultIo(),
): Promise<void> {
  const user = await existing(accounts, rawName);
  const password = await readNewPassword(io);
  await accounts.saveUser({ ...user, passwordHash: await hashPassword(password, io.scrypt) });
  io.stdout.write(`new password set for ${user.name}\n`);
}

export function registerUser(program: Command, context: () => Context): void {
  const withAccounts = async (run: (accounts: AccountStore) => Promise<void>) => {
    const { config } = context();
    const accounts = await openAccounts({
      ...config,
      dataDir: resolve(process.cwd(), config.dataDir),
    });
    try {
      await run(accounts);
    } finally {
      await accounts.close();
    }
  };
  const user = program.command('user').description('dashboard accounts (viewer, coder, admin)');
  user
    .command('add')
    .description('add a user; the password comes from MONITOR_NEW_PASSWORD or is asked twice')
    .argument('<name>', 'login name')
    .addOption(
      new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory(),
    )
    .action((name: string, opts: { role: Role }) =>
      withAccounts(async (a) => {
        await userAdd(a, name, opts.role);
      }),
    );
  user
    .command('list')
    .description('every user with role, creation time and whether disabled')
    .action(() => withAccounts((a) => userList(a)));
  user
    .command('disable')
    .description('stop a user logging in; open sessions end at their next request')
    .argument('<name>')
    .action((name: string) => withAccounts((a) => userSetDisabled(a, name, true)));
  user
    .command('enable')
    .description('let a disabled user log in again')
    .argument('<name>')
    .action((name: string) => withAccounts((a) => userSetDisabled(a, name, false)));
  user
    .command('password')
    .description('set a new password (MONITOR_NEW_PASSWORD or asked twice)')
    .argument('<name>')
    .action((name: string) => withAccounts((a) => userPassword(a, name)));
}
