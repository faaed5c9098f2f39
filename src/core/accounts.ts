// Dashboard accounts: who may read (viewer), code mentions and segments (coder) and manage
// users (admin). One interface, a SQLite and an Elasticsearch implementation; every
// implementation passes test/contract/accounts-contract.ts.

export const ROLES = ['viewer', 'coder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  /** Lower-case login name: letters, digits, '.', '_' or '-'. */
  name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash`; never leaves the server. */
  passwordHash: string;
  /** ISO date-time. */
  createdAt: string;
  disabled?: boolean;
}

export type PublicUser = Omit<User, 'passwordHash'>;

export interface AccountStore {
  init(): Promise<void>;
  close(): Promise<void>;
  getUser(name: string): Promise<User | null>;
  /** Inserts or replaces the user of that name. */
  saveUser(user: User): Promise<void>;
  /** Every user without the password hash, by name. */
  listUsers(): Promise<PublicUser[]>;
  /** Removes the user; no error when there was none. */
  deleteUser(name: string): Promise<void>;
}

/** admin > coder > viewer */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The stored form of a typed name (trimmed, lower-case), or null when it cannot be one. */
export function normalizeUserName(raw: string): string | null {
  const name = raw.trim().toLowerCase();
  return NAME.test(name) ? name : null;
}

export const USER_NAME_RULE =
  'a user name is 1 to 64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit';
