import type { DomainHandlers } from '../core/handlers';
import type { voucherInvokes } from './contract';

// Built next (this commit registers the domain).
export const voucherHandlers = {} as DomainHandlers<keyof typeof voucherInvokes>;
