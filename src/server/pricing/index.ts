/** What other modules may use of pricing. */
export type { ExplanationStep, PricedLine, PricedOrder } from "./engine";
export { priceLines, type LineToPrice } from "./price-lines";
