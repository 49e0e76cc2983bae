import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import { PLAN_KINDS } from '../plans/contract';
import { RouterUnavailableError } from '../provisioning/router-unavailable';
import { withRouterLock } from '../provisioning/router-lock';
import type { SubscriberServices } from './subscriber-services';
import { removeSubscriberFromRouter, syncSubscriberOnRouter } from './subscriber-sync';

type Ctx = MainJobContext<SubscriberServices>;

const ids = { subscriberId: z.number().int().positive(), routerId: z.number().int().positive() };

/** A router that is down: the subscriber shows pending there and is pushed again when it is back. */
const waitIfUnavailable = (error: unknown) => {
  if (error instanceof RouterUnavailableError) return { waiting: error.message };
  throw error;
};

/** Subscribers kept on their routers as hotspot users or PPP secrets (ids only in payloads: no personal data). */
export const subscriberJobs = jobSet(
  defineJob({
    name: 'subscribers.sync',
    queue: 'hotspot-provisioning',
    runs: 'main',
    summary: 'Makes a subscriber’s hotspot user or PPP secret on one router match the console (its plan’s profile first).',
    payload: z.object(ids).strict(),
    handler: async ({ subscriberId, routerId }, { services }: Ctx) => {
      try {
        return { state: await withRouterLock(routerId, () => syncSubscriberOnRouter(services, subscriberId, routerId)) };
      } catch (error) {
        return waitIfUnavailable(error);
      }
    },
  }),
  defineJob({
    name: 'subscribers.remove-account',
    queue: 'hotspot-provisioning',
    runs: 'main',
    summary: 'Removes a subscriber’s account from a router it no longer lives on (found by the console’s comment).',
    payload: z.object({ ...ids, kind: z.enum(PLAN_KINDS) }).strict(),
    handler: async ({ subscriberId, routerId, kind }, { services }: Ctx) => {
      try {
        await withRouterLock(routerId, () => removeSubscriberFromRouter(services, subscriberId, kind, routerId));
        return { removed: true };
      } catch (error) {
        return waitIfUnavailable(error);
      }
    },
  }),
);
