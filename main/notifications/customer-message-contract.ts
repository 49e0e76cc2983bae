import { z } from 'zod';

/** The messages a customer (subscriber) receives; each has a template per tenant. */
export const CUSTOMER_MESSAGES = ['payment-received', 'expiry-reminder', 'expired', 'reconnected'] as const;
export type CustomerMessage = (typeof CUSTOMER_MESSAGES)[number];

/**
 * The payload of the `notifications.customer` job, which the money path enqueues in the same
 * transaction as the change it reports. Ids and facts only: the subscriber's phone, email and
 * name are read by the job, never carried in the payload (which lists and events show).
 * `key` names the occurrence (e.g. `payment-received:p42`): a message is sent once per key and
 * channel however often the job runs, so a chain replayed after a crash does not message twice.
 */
export const customerMessagePayload = z
  .object({
    subscriberId: z.number().int().positive(),
    message: z.enum(CUSTOMER_MESSAGES),
    key: z.string().min(1).max(200),
    facts: z
      .object({
        amountMinor: z.number().int().optional(),
        currency: z.string().length(3).optional(),
        balanceMinor: z.number().int().optional(),
        /** Epoch ms. */
        validUntil: z.number().int().nullable().optional(),
        planName: z.string().max(100).optional(),
        paymentReference: z.string().max(100).optional(),
      })
      .strict(),
  })
  .strict();
export type CustomerMessagePayload = z.output<typeof customerMessagePayload>;
