/** What other modules may use of customers. */
export { creditCheck, creditExposure } from "./credit";
export { getCustomer, getCustomerWithId } from "./get-customer";
export { importCustomers, type CustomerAddressImport, type CustomerImport } from "./import-customers";
export { findCustomerByCode } from "./queries";
export { customerAddresses, customers } from "./schema";
export type { TAddress, TCustomer } from "./schemas";
export { ZAddress } from "./schemas";
export { searchCustomers } from "./search-customers";
export { billingTermsOf, recordReceivables, type BillingTerms } from "./receivables";
