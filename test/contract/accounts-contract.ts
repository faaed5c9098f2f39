// The contract every AccountStore passes. Each backend's test file calls accountsContract()
// with a factory that gives a fresh, empty, initialised store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore, User } from '../../src/core/accounts.ts';

const aysel: User = {
  name: 'aysel',
  role: 'coder',
  passwordHash: 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
  createdAt: '2024-01-15T09:00:00.000Z',
};
const admin: User = {
  name: 'admin',
  role: 'admin',
  passwordHash: 'scrypt$32768$8$1$YW5vdGhlcnNhbHRzYWx0MQ==$YWRtaW5oYXNoYWRtaW5oYXNo',
  createdAt: '2024-01-10T08:00:00.000Z',
};

export function accountsContract(name: string, make: () => Promise<AccountStore>): void {
  describe(`AccountStore contract: ${name}`, () => {
    let accounts: AccountStore;
    beforeEach(async () => {
      accounts = await make();
    });
    afterEach(async () => {
      await accounts.close();
    });

    it('gives null for a user never saved and an empty list at first', async () => {
      expect(await accounts.getUser('nobody')).toBeNull();
      expect(await accounts.listUsers()).toEqual([]);
    });

    it('saves and reads back every field', async () => {
      await accounts.saveUser(aysel);
      const got = await accounts.getUser('aysel');
      expect(got).toMatchObject(aysel);
      expect(got?.disabled ?? false).toBe(false);
    });

    it('replaces a user saved again under the same name', async () => {
      await accounts.saveUser(aysel);
      await accounts.saveUser({ ...aysel, role: 'viewer', disabled: true });
      expect(await accounts.getUser('aysel')).toMatchObject({ role: 'viewer', disabled: true });
      await accounts.saveUser({ ...aysel, passwordHash: `${aysel.passwordHash}x` });
      const again = await accounts.getUser('aysel');
      expect(again?.passwordHash).toBe(`${aysel.passwordHash}x`);
      expect(again?.disabled ?? false).toBe(false);
      expect(await accounts.listUsers()).toHaveLength(1);
    });

    it('lists users by name without their password hashes', async () => {
      await accounts.saveUser(aysel);
      await accounts.saveUser({ ...admin, disabled: true });
      const list = await accounts.listUsers();
      expect(list.map((u) => u.name)).toEqual(['admin', 'aysel']);
      expect(list[0]).toMatchObject({ name: 'admin', role: 'admin', disabled: true });
      expect(list[1]).toMatchObject({ name: 'aysel', role: 'coder', createdAt: aysel.createdAt });
      for (const u of list) expect(u).not.toHaveProperty('passwordHash');
      expect(JSON.stringify(list)).not.toContain('scrypt$');
    });

    it('deletes a user, and deleting a missing one is no error', async () => {
      await accounts.saveUser(aysel);
      await accounts.saveUser(admin);
      await accounts.deleteUser('aysel');
      await accounts.deleteUser('never-there');
      expect(await accounts.getUser('aysel')).toBeNull();
      expect((await accounts.listUsers()).map((u) => u.name)).toEqual(['admin']);
    });
  });
}
