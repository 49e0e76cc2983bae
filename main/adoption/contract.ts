import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import type { ImportConflict, PlanDraft, VoucherState } from './import-types';

/**
 * An import preview as people see it: what would be created, and what is left out and why. No
 * passwords; it goes to the tenant's admins only (topic `imports`).
 */
export interface ImportPreviewView {
  routerId: number;
  plans: PlanDraft[];
  existingPlans: string[];
  /** Vouchers grouped by plan and mikhmon batch, with how many are in each state. */
  voucherBatches: Array<{ planName: string; batch: string; count: number; states: Record<VoucherState, number> }>;
  subscribers: Array<{ kind: PlanDraft['kind']; username: string; planName: string | null; disabled: boolean }>;
  conflicts: ImportConflict[];
}

export interface ImportOutcome {
  routerId: number;
  plans: number;
  vouchers: number;
  subscribers: number;
  conflicts: number;
}

const byRouter = z.object({ routerId: z.number().int().positive() }).strict();

export const adoptionInvokes = {
  'routers.importPreview': defineInvoke<{ jobId: number }>()({
    input: byRouter,
    summary: 'Reads the router’s hotspot users and profiles and PPP secrets and profiles (mikhmon’s conventions understood) and previews what an import would create; RouterImportPreviewed follows.',
  }),
  'routers.import': defineInvoke<{ jobId: number }>()({
    input: byRouter,
    summary: 'Imports what the router holds into plans, subscribers and vouchers (read again, so it matches the router now); importing twice creates nothing new. RouterImported follows.',
  }),
};

export const adoptionEvents = {
  RouterImportPreviewed: defineEvent<{ jobId: number; preview: ImportPreviewView }>()({ scope: 'tenant', topic: 'imports', summary: 'An import preview of a router is ready.' }),
  RouterImported: defineEvent<{ jobId: number; outcome: ImportOutcome }>()({ scope: 'tenant', topic: 'imports', summary: 'A router’s users and profiles were imported.' }),
  RouterImportFailed: defineEvent<{ jobId: number; routerId: number; message: string }>()({ scope: 'tenant', topic: 'imports', summary: 'A router could not be read or imported: why, in words.' }),
};
