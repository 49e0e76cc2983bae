import { describe, expect, it } from 'vitest';
import { subscriberFields } from '../../../../main/subscribers/contract';
import { testPlan } from '../plans/test-plans';
import { checkSubscriberForm, emptySubscriberForm, generatePassword, subscriberFormErrors, subscriberFormFrom, subscriberInputOf, subscriberUpdateInputOf, withPlan } from './subscriber-form';
import { testSubscriber } from './test-subscribers';

const ZONE = 'Africa/Nairobi';
const plans = [testPlan(3, 'Day', { routerIds: [7, 8] })];
const filled = { ...emptySubscriberForm(), name: 'Jane Doe', phone: '0712345678', username: 'jane', password: 'secret-1', planId: '3', routerIds: [7] };

describe('subscriber form', () => {
  it('builds a create input: empty optional fields as null, the expiry in the tenant’s zone', () => {
    expect(subscriberInputOf({ ...filled, validUntil: '2026-03-01T18:30', macLock: 'aa-bb-cc-dd-ee-ff' }, ZONE, 4)).toEqual({
      kind: 'hotspot',
      name: 'Jane Doe',
      phone: '0712345678',
      email: null,
      username: 'jane',
      password: 'secret-1',
      planId: 3,
      macLock: 'aa-bb-cc-dd-ee-ff',
      routerIds: [7],
      validUntil: '2026-03-01T15:30:00.000Z',
      disabled: false,
      tenantId: 4,
    });
  });

  it('follows the plan’s routers until the person picks routers', () => {
    const chosen = withPlan(emptySubscriberForm(), plans[0]!);
    expect(chosen).toMatchObject({ planId: '3', routerIds: [7, 8] });
    expect(withPlan({ ...chosen, routerIds: [8], routersChosen: true }, testPlan(5, 'Week', { routerIds: [9] })).routerIds).toEqual([8]);
  });

  it('reports every problem at once, with a plan of the subscriber’s kind', () => {
    const errors = checkSubscriberForm({ ...emptySubscriberForm('pppoe'), phone: 'abc', email: 'nope', password: 'x', macLock: '12:34', planId: '3' }, ZONE, false, []);
    expect(Object.keys(errors).sort()).toEqual(['email', 'macLock', 'name', 'password', 'phone', 'planId', 'routerIds', 'username']);
    expect(errors.planId).toBe('choose a PPPoE plan');
    expect(checkSubscriberForm(filled, ZONE, false, plans)).toEqual({});
    // On edit an empty password keeps the stored one.
    expect(checkSubscriberForm({ ...filled, password: '' }, ZONE, true, plans)).toEqual({});
    expect(checkSubscriberForm({ ...filled, password: '' }, ZONE, false, plans).password).toBeDefined();
  });

  it('sends only what changed on edit, and the password only when typed', () => {
    const original = testSubscriber(5, 'Jane Doe', { phone: '0712345678', username: 'jane', planId: 3, validUntil: '2026-03-01T15:30:42.000Z' });
    const values = subscriberFormFrom(original, ZONE);
    expect(values.validUntil).toBe('2026-03-01T18:30');
    expect(subscriberUpdateInputOf(values, original, ZONE)).toEqual({ id: 5 });
    expect(subscriberUpdateInputOf({ ...values, phone: '0799999999', disabled: true, password: 'new-pass' }, original, ZONE)).toEqual({ id: 5, phone: '0799999999', disabled: true, password: 'new-pass' });
    expect(subscriberUpdateInputOf({ ...values, validUntil: '2026-03-02T18:30' }, original, ZONE)).toEqual({ id: 5, validUntil: '2026-03-02T15:30:00.000Z' });
  });

  it('puts backend errors under their fields', () => {
    expect(subscriberFormErrors({ code: 'conflict', message: 'taken', details: { fields: { username: 'a subscriber or voucher already logs in as jane' } } })).toEqual({
      fields: { username: 'a subscriber or voucher already logs in as jane' },
      form: null,
    });
    expect(subscriberFormErrors({ code: 'not_found', message: 'no such plan' })).toEqual({ fields: {}, form: 'no such plan' });
  });

  it('generates passwords the contract accepts, without look-alike characters', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(10);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(subscriberFields.password.safeParse(password).success).toBe(true);
    }
    // Bytes past the last whole alphabet are drawn again, not folded onto its start.
    let call = 0;
    const bytes = (b: Uint8Array) => b.fill(call++ === 0 ? 255 : 0);
    expect(generatePassword(4, bytes)).toBe('aaaa');
  });
});
