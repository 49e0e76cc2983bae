import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import { templateSchema, type TemplateSpec } from './template-contract';

export interface ProvisioningTemplate extends TemplateSpec {
  id: number;
  tenantId: number;
  createdAt: string;
  updatedAt: string;
}

/** A field a step changes: null `from` on an add, the router's value on a set. */
export interface StepChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type StepStatus = 'planned' | 'applied' | 'refused' | 'not-applied' | 'undone';

/** One command of a plan, as the operator reads it and as the router got it. */
export interface ProvisioningStep {
  menu: string;
  action: 'add' | 'set' | 'remove';
  label: string;
  /** The RouterOS command, CLI-style: `/ip/pool/add name=hs-pool-ether2 ranges=…`. */
  command: string;
  changes: StepChange[];
  status: StepStatus;
  /** The router's own words when it refused this step. */
  message: string | null;
}

/**
 * - `queued` → `running` (planning or applying; `waiting` while another provisioning of the
 *   router runs, or the router is down) → `planned` (a plan only), `applied`, or `failed`.
 */
export type RunState = 'queued' | 'waiting' | 'running' | 'planned' | 'applied' | 'failed';

/** One plan or apply of a template on a router: the router's provisioning history. */
export interface ProvisioningRun {
  id: number;
  tenantId: number;
  routerId: number;
  routerName: string;
  templateId: number | null;
  templateName: string;
  mode: 'plan' | 'apply';
  state: RunState;
  /** Runs of one "apply to many routers" share it. */
  batchId: number | null;
  steps: ProvisioningStep[];
  /** Rows the router already has as the template wants them. */
  unchanged: number;
  /** Why this plan cannot be applied as it stands (the console would cut itself off, a row RouterOS lacks). */
  blocked: string | null;
  /** Steps carried out so far (live while applying). */
  stepsDone: number;
  message: string | null;
  requestedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The router-provisioning queue runs 3 jobs at once (resources/queues.json): a batch cannot go wider. */
export const MAX_APPLY_CONCURRENCY = 3;

const id = z.number().int().positive();

export const provisioningInvokes = {
  'provisioning.templates': defineInvoke<{ templates: ProvisioningTemplate[] }>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'Provisioning templates of the caller’s tenant.',
  }),
  'provisioning.createTemplate': defineInvoke<ProvisioningTemplate>()({
    input: z.object({ template: templateSchema, tenantId: id.optional() }).strict(),
    summary: 'Creates a provisioning template (desired state for routers).',
  }),
  'provisioning.updateTemplate': defineInvoke<ProvisioningTemplate>()({
    input: z.object({ id, template: templateSchema }).strict(),
    summary: 'Replaces a template’s contents; routers change only when it is applied again.',
  }),
  'provisioning.deleteTemplate': defineInvoke<{ id: number }>()({
    input: z.object({ id }).strict(),
    summary: 'Deletes a template; routers keep what it made, history keeps its runs.',
  }),
  'provisioning.plan': defineInvoke<{ runId: number; jobId: number }>()({
    input: z.object({ templateId: id, routerId: id }).strict(),
    summary: 'Plans a template on a router: reads what the router has and lists the adds, changes and removes with their commands (RouterProvisioningPlanned).',
  }),
  'provisioning.apply': defineInvoke<{ batchId: number; runIds: number[] }>()({
    input: z
      .object({ templateId: id, routerIds: z.array(id).min(1, 'choose at least one router').max(1000), concurrency: z.number().int().min(1).max(MAX_APPLY_CONCURRENCY).default(3) })
      .strict()
      .refine((v) => new Set(v.routerIds).size === v.routerIds.length, { message: 'a router is listed twice', path: ['routerIds'] }),
    summary: 'Applies a template to routers (a fresh plan each, then its steps with progress), at most `concurrency` routers at once.',
  }),
  'provisioning.runs': defineInvoke<{ runs: ProvisioningRun[] }>()({
    input: z.object({ routerId: id.optional(), batchId: id.optional(), tenantId: id.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    summary: 'Provisioning history: a router’s runs, or one batch’s, newest first (system admins may name a tenant).',
  }),
};

export interface ProvisioningProgress {
  runId: number;
  routerId: number;
  batchId: number | null;
  step: number;
  of: number;
  label: string;
}

export const provisioningEvents = {
  ProvisioningTemplateChanged: defineEvent<ProvisioningTemplate>()({ scope: 'tenant', topic: 'provisioning', summary: 'A template was created or changed.' }),
  ProvisioningTemplateDeleted: defineEvent<{ id: number }>()({ scope: 'tenant', topic: 'provisioning', summary: 'A template was deleted.' }),
  RouterProvisioningPlanned: defineEvent<ProvisioningRun>()({ scope: 'tenant', topic: 'provisioning', summary: 'A run changed state (queued, waiting, running) or a plan is ready.' }),
  RouterProvisioningProgress: defineEvent<ProvisioningProgress>()({ scope: 'tenant', topic: 'provisioning', summary: 'Step n of m of an apply was carried out.' }),
  RouterProvisioningCompleted: defineEvent<ProvisioningRun>()({ scope: 'tenant', topic: 'provisioning', summary: 'An apply finished: every step carried out (or nothing to do).' }),
  RouterProvisioningFailed: defineEvent<ProvisioningRun>()({ scope: 'tenant', topic: 'provisioning', summary: 'An apply stopped: the router refused a step (its words), what was applied and what was undone.' }),
};
