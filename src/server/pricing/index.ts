/** What other modules may use of pricing. */
export type { ExplanationStep, PricedLine, PricedOrder } from "./engine";
export { loadPricingContext, priceLines, priceWith, type LineToPrice, type PricingContext } from "./price-lines";
export { getPriceList, savePriceList } from "./price-lists";
export { ZPriceListItemInput } from "./schemas";
