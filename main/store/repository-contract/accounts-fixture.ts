import type { AccountsStore } from '../../accounts/accounts-tx';
import type { NewUser } from '../../users/user-repository';

/** A fresh, empty store of one implementation (its schema in place), and how to throw it away. */
export interface AccountsFixture {
  store: AccountsStore;
  close(): Promise<void>;
}

export type AccountsFactory = () => Promise<AccountsFixture>;

export const newUser = (fields: Partial<NewUser> & { username: string }): NewUser => ({
  tenantId: null,
  role: 'system_admin',
  name: `Person ${fields.username}`,
  email: `${fields.username}@example.com`,
  passwordHash: 'scrypt$test',
  ...fields,
});

/** Two tenants, Alpha and Beta: the smallest world in which scoping by tenant can fail. */
export const twoTenants = (store: AccountsStore): Promise<[number, number]> =>
  store.run(async (tx) => [(await tx.tenants.insert('Alpha', null, 1)).id, (await tx.tenants.insert('Beta', null, 1)).id]);
