import type { DomainHandlers } from '../core/handlers';
import type { planInvokes } from './contract';

// Built next (this commit registers the domain).
export const planHandlers = {} as DomainHandlers<keyof typeof planInvokes>;
