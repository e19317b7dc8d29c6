/** What other modules may use of customers. */
export { findCustomerByCode } from "./queries";
export { customers, customerAddresses } from "./schema";
export type { TAddress, TCustomer } from "./schemas";
export { ZAddress } from "./schemas";
export { searchCustomers } from "./search-customers";
