import type { Session } from '../auth/session';
import { maskIdentifier, maskMiddle, maskPhone } from '../events/mask';
import type { PaymentSummary } from './contract';
import type { PaymentRecord } from './payment-repository';

/**
 * A payment as events carry it: the payer's phone and name, and an account reference or login
 * that is a phone number or email, masked (DESIGN.md, "Tenancy").
 */
export function maskedPayment(p: PaymentRecord): PaymentSummary {
  return {
    ...p,
    payerPhone: maskPhone(p.payerPhone),
    payerName: p.payerName === null ? null : maskMiddle(p.payerName),
    accountReference: p.accountReference === null ? null : maskIdentifier(p.accountReference),
    subscriberUsername: p.subscriberUsername === null ? null : maskIdentifier(p.subscriberUsername),
  };
}

/** Staff who take and assign payments see the payer whole (to call them back); viewers masked. */
const seesPayer = (session: Session) => session.user !== null && session.user.role !== 'viewer';

/**
 * The subscriber's login is masked for everyone when it is a phone or an email, as in every
 * subscriber list (the full login is `subscribers.get`'s); the payer only for viewers.
 */
export const paymentFor = (session: Session, p: PaymentRecord): PaymentSummary =>
  seesPayer(session) ? { ...p, subscriberUsername: p.subscriberUsername === null ? null : maskIdentifier(p.subscriberUsername) } : maskedPayment(p);
