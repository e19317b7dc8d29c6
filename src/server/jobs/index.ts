/** Background jobs (pg-boss on the app's database): queues, schedules, handlers and the worker. */
export { handleEmailSend, handleReplenishmentNightly, JOB_HANDLERS } from "./handlers";
export { EMAIL_SEND, EMAIL_SEND_DUE, REPLENISHMENT_NIGHTLY, SCHEDULED_QUEUES, type ScheduledQueue } from "./queues";
export { startJobWorker, startServerJobWorker, stopServerJobWorker, type JobWorker } from "./worker";
