/** What other modules may use of exceptions. */
export { BLOCKING_TYPES, EXCEPTION_LABELS } from "./constants";
export { openException, resolveOrderExceptions } from "./open-exception";
export { exceptionsForOrder, openExceptionsForCustomer, releasedCreditTotal } from "./queries";
export { exceptions } from "./schema";
