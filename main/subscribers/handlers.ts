import type { DomainHandlers } from '../core/handlers';
import type { subscriberInvokes } from './contract';

// Built next (this commit registers the domain).
export const subscriberHandlers = {} as DomainHandlers<keyof typeof subscriberInvokes>;
