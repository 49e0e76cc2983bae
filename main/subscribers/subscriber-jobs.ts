import { jobSet } from '../jobs/define-job';

// Built next (this commit registers the domain).
export const subscriberJobs = jobSet();
