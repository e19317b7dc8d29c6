import { z } from "zod";

/** The calendar days a date field takes: what PostgreSQL stores and the date arithmetic (addDays) handles alike. */
export const FIRST_ISO_DATE = "1900-01-01";
export const LAST_ISO_DATE = "2999-12-31";

/**
 * A calendar day, YYYY-MM-DD, between 1900 and 2999. `z.iso.date()` alone takes year 0000, which PostgreSQL
 * refuses (a 500), and 9999-12-31, whose due date 30 days on is no longer YYYY-MM-DD.
 */
export const ZIsoDate = z.iso
  .date("Use a date like 2026-11-21")
  .refine((day) => day >= FIRST_ISO_DATE && day <= LAST_ISO_DATE, `Use a date between ${FIRST_ISO_DATE} and ${LAST_ISO_DATE}`);
