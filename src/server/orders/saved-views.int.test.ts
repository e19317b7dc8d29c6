import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { actors } from "~/test/fixtures";
import { deleteView, listSavedViews, saveView, ZSaveViewInput } from "./saved-views";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

describe("saved views", () => {
  it("keeps each list's views apart, with its built-in ones first, per user", async () => {
    await saveView({ db: t.db, actor: actors.rep, input: ZSaveViewInput.parse({ name: "Big", query: "status=open&cursor=abc" }) });
    const breached = await saveView({ db: t.db, actor: actors.rep, input: ZSaveViewInput.parse({ list: "exceptions", name: "Big", query: "view=all&sla=breached&type=credit_hold" }) });
    expect(breached).toMatchObject({ name: "Big", query: "view=all&sla=breached&type=credit_hold", isBuiltIn: false });

    const orders = await listSavedViews({ db: t.db, actor: actors.rep });
    expect(orders.map((v) => [v.name, v.query])).toEqual([
      ["My open orders", "status=open&createdBy=me"],
      ["On hold", "status=on_hold"],
      ["Drafts", "status=draft"],
      ["Big", "status=open"],
    ]);
    const exceptions = await listSavedViews({ db: t.db, actor: actors.rep, list: "exceptions" });
    expect(exceptions.map((v) => v.name)).toEqual(["Breached", "Unassigned", "Big"]);
    expect((await listSavedViews({ db: t.db, actor: actors.manager, list: "exceptions" })).map((v) => v.name)).toEqual(["Breached", "Unassigned"]);

    await expect(saveView({ db: t.db, actor: actors.rep, input: ZSaveViewInput.parse({ list: "exceptions", name: "Big", query: "sla=later" }) })).rejects.toMatchObject({
      details: { fields: { name: [expect.stringContaining("already")] } },
    });
    await expect(deleteView({ db: t.db, actor: actors.manager, id: breached.id })).rejects.toMatchObject({ kind: "not_found" });
    await deleteView({ db: t.db, actor: actors.rep, id: breached.id });
    expect((await listSavedViews({ db: t.db, actor: actors.rep, list: "exceptions" })).map((v) => v.name)).toEqual(["Breached", "Unassigned"]);
    expect(ZSaveViewInput.safeParse({ list: "invoices", name: "x", query: "" }).success).toBe(false);
  });
});
