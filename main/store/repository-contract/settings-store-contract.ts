import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AccountsStore } from '../../accounts/accounts-tx';
import type { AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

const schema = z.object({ days: z.number().int().min(1) });

/** What every SettingsStore implementation does, whatever database stands behind it. */
export function settingsStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`SettingsStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;

    it('reads a key never written as absent, and a written value back as stored', async () => {
      expect(await store().read((tx) => tx.settings.read('retention', schema))).toBeNull();
      expect(await store().run((tx) => tx.settings.write('retention', schema, { days: 30 }, 1))).toEqual({ days: 30 });
      await store().run((tx) => tx.settings.write('retention', schema, { days: 60 }, 2));
      expect(await store().read((tx) => tx.settings.read('retention', schema))).toEqual({ days: 60 });
      expect(await store().read((tx) => tx.settings.read('backup', schema))).toBeNull();
    });

    it('refuses a value its schema refuses and keeps the one stored', async () => {
      await store().run((tx) => tx.settings.write('retention', schema, { days: 30 }, 1));
      await expect(store().run((tx) => tx.settings.write('retention', schema, { days: 0 }, 2))).rejects.toThrow();
      expect(await store().read((tx) => tx.settings.read('retention', schema))).toEqual({ days: 30 });
    });

    it('reads a stored value that no longer fits the schema as absent', async () => {
      await store().run((tx) => tx.settings.write('retention', z.object({ days: z.string() }), { days: 'thirty' }, 1));
      expect(await store().read((tx) => tx.settings.read('retention', schema))).toBeNull();
    });

    it('rolls a write back with the unit that throws', async () => {
      await expect(
        store().run(async (tx) => {
          await tx.settings.write('retention', schema, { days: 45 }, 1);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store().read((tx) => tx.settings.read('retention', schema))).toBeNull();
    });
  });
}
