import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { DEFAULT_ACCOUNT_CODES, DEFAULT_DUNNING_DAYS } from "./constants";
import { billingSettings } from "./schema";
import type { TBillingSettings } from "./schemas";

export type BillingSettings = typeof billingSettings.$inferSelect;

/** What a new installation starts with; finance changes it in /admin/accounting. */
export const BILLING_SETTINGS_DEFAULTS = {
  id: 1,
  companyName: "Orderdesk Supply Co.",
  companyAddress: "200 Harbor Way\nNewark, NJ 07102\nUnited States",
  taxId: "EIN 12-3456789",
  remittance: "Pay by bank transfer to First Harbor Bank, account 004417702, routing 021000021. Quote the invoice number as the reference.",
  returnApprovalAbove: 50_000,
  dunningDays: DEFAULT_DUNNING_DAYS,
  holdOverdueDays: 60,
  accounts: DEFAULT_ACCOUNT_CODES,
};

/** The settings row, created with the defaults the first time it is read. */
export async function loadBillingSettings(db: DbOrTx): Promise<BillingSettings> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.id, 1));
  if (row) return row;
  await db.insert(billingSettings).values(BILLING_SETTINGS_DEFAULTS).onConflictDoNothing();
  const [created] = await db.select().from(billingSettings).where(eq(billingSettings.id, 1));
  return created!;
}

export const toSettingsDto = (row: BillingSettings) => ({
  companyName: row.companyName,
  companyAddress: row.companyAddress,
  taxId: row.taxId,
  remittance: row.remittance,
  returnApprovalAbove: row.returnApprovalAbove,
  dunningDays: row.dunningDays,
  holdOverdueDays: row.holdOverdueDays,
  accounts: row.accounts,
  version: row.version,
});

export async function getBillingSettings(options: { db: Db }) {
  return toSettingsDto(await loadBillingSettings(options.db));
}

/** Saves the company header, return approval value, dunning schedule, overdue hold and account codes (audited). */
export async function updateBillingSettings(options: { db: Db; actor: Actor; input: TBillingSettings & { version?: number } }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    await loadBillingSettings(tx);
    const [before] = await tx.select().from(billingSettings).where(eq(billingSettings.id, 1)).for("update");
    if (input.version !== undefined && input.version !== before!.version) {
      throw AppError.conflict("STALE_VERSION", "Someone changed the billing settings since you opened them: reload and try again.");
    }
    const { version: _version, ...values } = input;
    const [row] = await tx
      .update(billingSettings)
      .set({ ...values, dunningDays: [...values.dunningDays].sort((a, b) => a - b), version: before!.version + 1 })
      .where(eq(billingSettings.id, 1))
      .returning();
    await recordAudit(tx, { entityType: "billing_settings", entityId: "1", action: "updated", actor, before: toSettingsDto(before!), after: toSettingsDto(row!) });
    return toSettingsDto(row!);
  });
}
