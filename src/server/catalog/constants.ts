/**
 * The units and tax categories every database starts with (the migration seeds them). Admins keep both
 * lists at Admin → Settings, so a product's unit and tax category are any code of them (strings); the
 * demo's catalog uses these.
 */
export type Unit = "each" | "box" | "case" | "pallet" | "kg" | "m" | "l";
export type TaxCategory = "standard" | "reduced" | "zero" | "exempt";
