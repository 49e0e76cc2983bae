import type { JobRegistry, ScheduleDefinition } from './define-job';
import { builtinJobs, builtinSchedules } from './builtin-jobs';
import { authJobs } from '../auth/auth-jobs';
import { tenantJobs } from '../tenants/tenant-jobs';
import { userJobs } from '../users/user-jobs';
import { routerJobs, routerSchedules } from '../routers/router-jobs';
import { sessionJobs } from '../sessions/session-jobs';
import { backupJobs, backupSchedules } from '../backup/backup-jobs';
import { retentionJobs, retentionSchedules } from '../retention/retention-jobs';
import { planJobs, planSchedules } from '../plans/plan-jobs';
import { provisioningJobs } from '../provisioning/provisioning-jobs';
import { subscriberJobs } from '../subscribers/subscriber-jobs';
import { voucherJobs, voucherSchedules } from '../vouchers/voucher-jobs';
import { adoptionJobs } from '../adoption/adoption-jobs';
import { notificationJobs, notificationSchedules } from '../notifications/notification-jobs';
import { subscriptionJobs, subscriptionSchedules } from '../subscriptions/subscription-jobs';
import { webhookJobs } from '../webhooks/webhook-jobs';
import { dashboardHistoryJobs, dashboardHistorySchedules } from '../dashboard/history-jobs';
import { interfaceHistoryJobs, interfaceHistorySchedules } from '../routers/history/interface-history-jobs';

/**
 * Every job of the console, by name: its queue, payload schema, where it runs and (for main
 * jobs) its handler; pool handlers are joined by name in workers/pool-tasks.ts. Each domain
 * declares its jobs next to its code with defineJob/jobSet and adds one line here.
 */
export const appJobs = {
  ...builtinJobs,
  ...authJobs,
  ...tenantJobs,
  ...userJobs,
  ...routerJobs,
  ...sessionJobs,
  ...backupJobs,
  ...retentionJobs,
  ...planJobs,
  ...provisioningJobs,
  ...subscriberJobs,
  ...voucherJobs,
  ...adoptionJobs,
  ...notificationJobs,
  ...subscriptionJobs,
  ...webhookJobs,
  ...dashboardHistoryJobs,
  ...interfaceHistoryJobs,
} satisfies JobRegistry;

export type AppJobs = typeof appJobs;

/** Recurring schedules, stored in the database at start (one line per domain). */
export const appSchedules: ScheduleDefinition<AppJobs>[] = [
  ...(builtinSchedules as ScheduleDefinition<AppJobs>[]),
  ...(routerSchedules as ScheduleDefinition<AppJobs>[]),
  ...(backupSchedules as ScheduleDefinition<AppJobs>[]),
  ...(retentionSchedules as ScheduleDefinition<AppJobs>[]),
  ...(planSchedules as ScheduleDefinition<AppJobs>[]),
  ...(voucherSchedules as ScheduleDefinition<AppJobs>[]),
  ...(subscriptionSchedules as ScheduleDefinition<AppJobs>[]),
  ...(notificationSchedules as ScheduleDefinition<AppJobs>[]),
  ...(dashboardHistorySchedules as ScheduleDefinition<AppJobs>[]),
  ...(interfaceHistorySchedules as ScheduleDefinition<AppJobs>[]),
];
