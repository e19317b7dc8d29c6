/** What other modules may use of customers. */
export { creditCheck, creditExposure } from "./credit";
export { getCustomer, getCustomerWithId } from "./get-customer";
export { importCustomers, type CustomerAddressImport, type CustomerImport } from "./import-customers";
export { findCustomerByCode, taxExemptionsOf } from "./queries";
export { customerAddresses, customers, customerTaxExemptions } from "./schema";
export type { TAddress, TCustomer, TTaxExemption } from "./schemas";
export { ZAddress } from "./schemas";
export { searchCustomers } from "./search-customers";
export { billingTermsOf, recordReceivables, type BillingTerms } from "./receivables";
export { createCustomer } from "./create-customer";
export { ZCreateCustomerInput, type TCreateCustomerInput } from "./schemas";
