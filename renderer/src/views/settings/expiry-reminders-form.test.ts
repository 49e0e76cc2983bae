import { describe, expect, it } from 'vitest';
import { subscriptionInvokes } from '../../../../main/subscriptions/contract';
import { boundsText, describeRow, offsetsOf, reminderErrors, reminderRow, rowsOf } from './expiry-reminders-form';

const plain = (rows: ReturnType<typeof rowsOf>) => rows.map(({ amount, unit }) => ({ amount, unit }));

describe('the expiry reminders form', () => {
  it('shows each saved offset in the largest unit that holds it whole', () => {
    expect(plain(rowsOf([3 * 86_400, 86_400, 5400, 3600, 900]))).toEqual([
      { amount: '3', unit: 'days' },
      { amount: '1', unit: 'days' },
      { amount: '90', unit: 'minutes' },
      { amount: '1', unit: 'hours' },
      { amount: '15', unit: 'minutes' },
    ]);
    const [first, second] = rowsOf([60, 60]);
    expect(first!.key).not.toBe(second!.key);
    expect(describeRow({ amount: '1', unit: 'days' })).toBe('1 day');
    expect(describeRow({ amount: '36', unit: 'hours' })).toBe('36 hours');
  });

  it("words the contract's bounds from its schema", () => {
    expect(boundsText()).toBe('from 15 minutes to 30 days');
  });

  it('sends seconds in the order of the rows', () => {
    expect(offsetsOf([reminderRow('2', 'days'), reminderRow(' 1 ', 'hours'), reminderRow('45', 'minutes')])).toEqual({ ok: true, offsets: [172_800, 3600, 2700] });
    expect(offsetsOf([])).toEqual({ ok: true, offsets: [] });
  });

  it('asks for whole numbers and names a repeat by the row it repeats, whatever the unit', () => {
    expect(offsetsOf([reminderRow('1', 'days'), reminderRow('', 'hours'), reminderRow('24', 'hours'), reminderRow('1.5', 'days'), reminderRow('0', 'minutes')])).toEqual({
      ok: false,
      errors: {
        'amount.1': 'Enter a whole number of hours, or remove this reminder.',
        'amount.2': 'Reminder 1 is already at this time: change or remove one of them.',
        'amount.3': 'Enter a whole number of days, or remove this reminder.',
        'amount.4': 'Enter a whole number of minutes, or remove this reminder.',
      },
    });
  });

  it("puts the backend's refusals under the rows they name, and the list's own above them", () => {
    // The refusals as the dispatcher sends them: the contract's own schema's issues.
    const refuse = (reminderOffsets: number[]) => {
      const parsed = subscriptionInvokes['subscriptions.updateSettings'].input.safeParse({ reminderOffsets });
      if (parsed.success) throw new Error('expected a refusal');
      return { code: 'invalid_input' as const, message: 'invalid input for subscriptions.updateSettings', details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
    };
    expect(reminderErrors(refuse([86_400, 600]), 2)).toEqual({ fields: { 'amount.1': 'at least 15 minutes before expiry' }, form: null });
    expect(reminderErrors(refuse([3600, 3600]), 2)).toEqual({ fields: { list: 'each reminder once' }, form: null });
    expect(reminderErrors({ code: 'forbidden', message: 'Only tenant admins change reminders.' }, 2)).toEqual({ fields: {}, form: 'Only tenant admins change reminders.' });
  });
});
