/** What other modules may use of exceptions. */
export { BLOCKING_TYPES, EXCEPTION_LABELS, isActiveException, isBlocking } from "./constants";
export { activeExceptionTypes, type Finding, openException, resolveOrderExceptions } from "./open-exception";
export { exceptionEventsForOrder, exceptionsForOrder, openExceptionCounts, openExceptionsForCustomer } from "./queries";
export { restrictedMatches } from "./restricted-items";
export { applyFindings, type ExceptionRule, runRules } from "./rules";
export { markSlaBreaches } from "./mark-sla-breaches";
export { exceptions } from "./schema";
export type { ExceptionOrders } from "./order-hook";
