import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '../../../../main/subscribers/contract';
import { hashId, hashParam, hashWithParams } from '../../stores/hash-params';
import type { SubscriberQuery } from './subscribers-store';

/** The list's search and filters as the URL hash keeps them (`?q=jane&status=active&plan=3&router=7`). */
export function queryFromHash(hash: string): SubscriberQuery {
  const status = hashParam(hash, 'status');
  return {
    search: hashParam(hash, 'q') ?? '',
    status: (SUBSCRIBER_STATUSES as readonly string[]).includes(status ?? '') ? (status as SubscriberStatus) : null,
    planId: hashId(hash, 'plan'),
    routerId: hashId(hash, 'router'),
  };
}

export function hashWithQuery(hash: string, query: SubscriberQuery): string {
  return hashWithParams(hash, {
    q: query.search,
    status: query.status,
    plan: query.planId === null ? null : String(query.planId),
    router: query.routerId === null ? null : String(query.routerId),
  });
}
