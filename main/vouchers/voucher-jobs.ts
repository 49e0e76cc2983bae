import { jobSet, type ScheduleDefinition } from '../jobs/define-job';

// Built next (this commit registers the domain).
export const voucherJobs = jobSet();
export const voucherSchedules: ScheduleDefinition[] = [];
