import { ALL_REGIONS } from "~/lib/tax-exemptions";
import { addTaxExemption } from "~/server/customers/add-tax-exemption";
import { ZAddTaxExemptionInput } from "~/server/customers/schemas";
import type { Db } from "~/server/db/client";
import { DAY, isoDay } from "./agenda";
import type { Cast } from "./cast";
import type { TaxExemptAccount } from "./master-data";
import { hashUnit } from "./random";

export type TaxExemptionSeedSummary = { certificates: number; expired: string[]; expiringSoon: string[] };

/**
 * Finance records the exemption certificates of the tax-exempt accounts before the first order (call it with the
 * clock at that moment): a resale certificate for the account's state, most valid for years, a public body's
 * for every state. Two expire during the history (their later orders are taxed, and order entry warns) and one
 * within the next weeks. Chosen from the account codes, so no random draw shifts the rest of the demo.
 */
export async function seedTaxExemptions(db: Db, cast: Cast, accounts: TaxExemptAccount[], history: { start: number; end: number }): Promise<TaxExemptionSeedSummary> {
  const summary: TaxExemptionSeedSummary = { certificates: 0, expired: [], expiringSoon: [] };
  const ordered = [...accounts].sort((a, b) => hashUnit(`${a.code}/certificate`) - hashUnit(`${b.code}/certificate`));
  for (const [i, account] of ordered.entries()) {
    const unit = hashUnit(`${account.code}/certificate-dates`);
    const isExpired = i < 2;
    const isExpiringSoon = i === 2;
    const isCountryWide = !isExpired && !isExpiringSoon && unit < 0.1;
    // Expired 1–3 weeks before today, expiring 8–20 days after it, the rest good for another 1–3 years.
    const expiresAt = isExpired
      ? history.end - (7 + Math.floor(unit * 14)) * DAY
      : isExpiringSoon
        ? history.end + (8 + Math.floor(unit * 12)) * DAY
        : history.end + (365 + Math.floor(unit * 730)) * DAY;
    const issuedAt = expiresAt - (isExpired || isExpiringSoon ? 3 * 365 : 4 * 365) * DAY;
    const region = isCountryWide ? ALL_REGIONS : account.state;
    const number = `${isCountryWide ? "GOV" : `RS-${account.state}`}-${String(Math.floor(unit * 900_000) + 100_000)}`;
    await addTaxExemption({
      db,
      actor: cast.finance,
      input: ZAddTaxExemptionInput.parse({ code: account.code, certificateNumber: number, region, issuedOn: isoDay(issuedAt), expiresOn: isoDay(expiresAt) }),
    });
    summary.certificates++;
    if (isExpired) summary.expired.push(account.code);
    if (isExpiringSoon) summary.expiringSoon.push(account.code);
  }
  return summary;
}
