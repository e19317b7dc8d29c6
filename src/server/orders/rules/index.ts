import { addressRule } from "./address";
import { complianceRule } from "./compliance";
import { creditRule } from "./credit";
import { duplicateRule } from "./duplicate";
import type { OrderRule } from "./order-rule";
import { priceRule } from "./price";
import { quantityRule } from "./quantity";

/** Every rule run when an order is submitted or changes what it asks for (lines, ship-to, channel). */
export const ORDER_RULES: readonly OrderRule[] = [creditRule, priceRule, addressRule, complianceRule, quantityRule, duplicateRule];
export const ORDER_RULE_TYPES = ORDER_RULES.map((r) => r.type);
export type { OrderUnderReview, ReviewLine } from "./order-rule";
