import { recordPayment, type IncomingPayment, type RecordOutcome } from './payment-recording';
import type { PaymentServices } from './payment-services';

/** Payments one commit takes at most: a burst is spread over commits of this size. */
const MAX_BATCH = 256;

interface Pending {
  payment: IncomingPayment;
  resolve: (outcome: RecordOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for payments that arrive by webhook. A durable commit waits for the disk (2–5 ms
 * here), so one transaction per request caps webhooks at a few hundred a second. Payments that
 * arrive while a commit is under way are recorded together in the next one, and each request is
 * answered only once the commit holding its payment is on disk. A batch that fails is retried
 * one payment at a time, so one bad payment fails only its own request.
 */
export class PaymentIntake {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly services: Pick<PaymentServices, 'business' | 'bus'>) {}

  submit(payment: IncomingPayment): Promise<RecordOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ payment, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every request already read joins the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) void this.commit(this.pending.splice(0, MAX_BATCH));
  }

  private async commit(batch: Pending[]): Promise<void> {
    const { business, bus } = this.services;
    try {
      const outcomes = await business.run(async (tx) => {
        const out: RecordOutcome[] = [];
        for (const item of batch) out.push(await recordPayment(tx, bus, item.payment, Date.now()));
        return out;
      });
      batch.forEach((item, i) => item.resolve(outcomes[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const item of batch) business.run((tx) => recordPayment(tx, bus, item.payment, Date.now())).then(item.resolve, item.reject);
    }
  }
}
