/** What other modules (and the REST door) may use of integration. */
export { authenticateApiKey, createApiKey } from "./api-keys";
export { enqueueMessage, type OutboxMessage } from "./outbox";
export { recordApiRequest } from "./request-log";
