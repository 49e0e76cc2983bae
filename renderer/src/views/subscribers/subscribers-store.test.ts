import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_QUERY, matchesQuery, resetSubscribersStore, subscribersActions, subscribersSelectors, useSubscribersStore } from './subscribers-store';
import { testSubscriber } from './test-subscribers';

const state = () => useSubscribersStore.getState();
const names = () => subscribersSelectors.sorted(state()).map((s) => s.name);

describe('subscribers store', () => {
  beforeEach(resetSubscribersStore);

  it('lists by natural name and applies created, updated and deleted events', () => {
    subscribersActions.snapshot([testSubscriber(1, 'Mary 10'), testSubscriber(2, 'Mary 2')], 2, EMPTY_QUERY);
    subscribersActions.event('SubscriberCreated', testSubscriber(3, 'Ann'));
    subscribersActions.event('SubscriberUpdated', testSubscriber(1, 'Mary 10', { status: 'disabled' }));
    expect(names()).toEqual(['Ann', 'Mary 2', 'Mary 10']);
    expect(subscribersSelectors.total(state())).toBe(3);
    subscribersActions.event('SubscriberDeleted', { id: 2 });
    subscribersActions.event('SubscriberDeleted', { id: 2 });
    expect(names()).toEqual(['Ann', 'Mary 10']);
    expect(subscribersSelectors.total(state())).toBe(2);
  });

  it('keeps the list to its filters: a subscriber leaves when it stops matching and comes when it starts', () => {
    subscribersActions.snapshot([testSubscriber(1, 'Ann'), testSubscriber(2, 'Bob')], 2, { ...EMPTY_QUERY, status: 'active' });
    subscribersActions.upsert(testSubscriber(1, 'Ann', { status: 'expired' }));
    subscribersActions.upsert(testSubscriber(4, 'Dee', { status: 'pending' }));
    expect(names()).toEqual(['Bob']);
    subscribersActions.upsert(testSubscriber(4, 'Dee', { status: 'active' }));
    expect(names()).toEqual(['Bob', 'Dee']);
    expect(subscribersSelectors.total(state())).toBe(2);
  });

  it('matches a search on what an event shows, but keeps rows the server matched (a full phone)', () => {
    const query = { ...EMPTY_QUERY, search: '0712345' };
    expect(matchesQuery(testSubscriber(1, 'Ann'), query, false)).toBe(false);
    expect(matchesQuery(testSubscriber(1, 'Ann'), query, true)).toBe(true);
    expect(matchesQuery(testSubscriber(1, 'Ann', { macLock: 'AA:BB:CC:DD:EE:FF' }), { ...EMPTY_QUERY, search: 'ee:ff' }, false)).toBe(true);
    expect(matchesQuery(testSubscriber(1, 'Ann'), { ...EMPTY_QUERY, routerId: 8 }, true)).toBe(false);
    expect(matchesQuery(testSubscriber(1, 'Ann'), { ...EMPTY_QUERY, planId: 3, search: 'ANN' }, false)).toBe(true);
  });

  it('ignores events until the first snapshot says what the list is', () => {
    subscribersActions.upsert(testSubscriber(1, 'Ann'));
    expect(names()).toEqual([]);
    expect(subscribersSelectors.loaded(state())).toBe(false);
  });
});
