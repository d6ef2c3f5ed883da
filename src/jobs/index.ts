/** Queue and workers: documents through a PostgreSQL queue (pg-boss) to worker processes. Imports service and model. */
export { type Enqueuer, openEnqueuer } from "./enqueue.ts";
export { FeedRegistry, type FeedRow, parseEvery } from "./feeds/registry.ts";
export { type PollResult, pollFeed, runFeedScheduler, type SchedulerOptions } from "./feeds/scheduler.ts";
export { documentOfJob, type IngestJob, JobError } from "./payload.ts";
export { INGEST_QUEUE, openQueue, type QueueSettings, queueSettings } from "./queue.ts";
export { type FailedJob, failedJobs, type JobCounts, jobCounts } from "./status.ts";
export { runWorker, type WorkerEvent, type WorkerOptions, type WorkerStats } from "./worker.ts";
