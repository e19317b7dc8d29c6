import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeUser } from "~/server/auth/change-user";
import { createUser } from "~/server/auth/users";
import { createTestDb, type TestDb } from "~/test/db";
import { callerAs } from "~/test/caller";
import { actors, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { assignOrders } from "./assign-orders";
import { createOrder } from "./create-order";
import { listOrders } from "./list-orders";
import { orderTimeline } from "./order-timeline";
import { ZAssignOrdersInput, ZListOrdersInput } from "./schemas";

let t: TestDb;
const numbers: string[] = [];
const people = { riley: "", morgan: "", wes: "", gone: "" };

beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  for (let i = 0; i < 3; i++) {
    const order = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "ACME", channel: "phone", lines: [{ sku: "NUT-M8", quantity: 1 }], draft: i === 2 } });
    numbers.push(order.number);
  }
  const user = async (name: string, role: "rep" | "manager" | "warehouse") =>
    (await createUser({ db: t.db, input: { name, email: `${name.split(" ")[0]!.toLowerCase()}@assign.test`, role, password: "a-long-password-1" } })).id;
  people.riley = await user("Riley Assign", "rep");
  people.morgan = await user("Morgan Assign", "manager");
  people.wes = await user("Wes Assign", "warehouse");
  people.gone = await user("Gone Assign", "rep");
  await changeUser({ db: t.db, actor: actors.admin, input: { userId: people.gone, isActive: false } });
}, 60_000);
afterAll(() => t.cleanup());

const list = (input: Record<string, unknown>, actorId?: string) => listOrders({ db: t.db, input: ZListOrdersInput.parse(input), actorId });

describe("assigning orders", () => {
  it("gives several orders to a desk user at once, lists them under the assignee and writes a timeline entry each", async () => {
    const result = await assignOrders({ db: t.db, actor: actors.manager, input: { numbers: numbers.slice(0, 2), assignee: people.riley } });
    expect(result).toEqual({ assignee: { id: people.riley, name: "Riley Assign" }, changed: numbers.slice(0, 2), unchanged: [] });

    const mine = await list({ assignedTo: "me" }, people.riley);
    expect(mine.items.map((o) => o.number).sort()).toEqual(numbers.slice(0, 2).sort());
    expect(mine.items[0]!.assignedTo).toEqual({ id: people.riley, name: "Riley Assign" });
    expect((await list({ assignedTo: people.riley })).items).toHaveLength(2);
    expect((await list({ assignedTo: "none" })).items.map((o) => o.number)).toEqual([numbers[2]]);

    const timeline = await orderTimeline({ db: t.db, number: numbers[0]! });
    const entry = timeline.find((e) => e.type === "assigned");
    expect(entry).toMatchObject({ actor: "Morgan Manager", data: { from: null, to: { id: people.riley, name: "Riley Assign" } } });
  });

  it("re-assigning says what changed; the same assignee again changes nothing and writes nothing", async () => {
    const result = await assignOrders({ db: t.db, actor: actors.rep, input: { numbers: [numbers[0]!, numbers[2]!], assignee: people.morgan } });
    expect(result.changed).toEqual([numbers[0], numbers[2]]);
    const again = await assignOrders({ db: t.db, actor: actors.rep, input: { numbers: [numbers[0]!], assignee: people.morgan } });
    expect(again).toMatchObject({ changed: [], unchanged: [numbers[0]] });
    const entries = (await orderTimeline({ db: t.db, number: numbers[0]! })).filter((e) => e.type === "assigned");
    expect(entries).toHaveLength(2);
    expect(entries[1]!.data).toMatchObject({ from: { name: "Riley Assign" }, to: { name: "Morgan Assign" } });
  });

  it("unassigns with a null assignee", async () => {
    await assignOrders({ db: t.db, actor: actors.rep, input: { numbers: [numbers[2]!], assignee: null } });
    expect((await list({ assignedTo: "none" })).items.map((o) => o.number)).toEqual([numbers[2]]);
  });

  it("refuses, naming the field and changing nothing: an unknown order, a warehouse user, a deactivated user, a made-up id", async () => {
    const before = (await list({})).items.map((o) => [o.number, o.assignedTo?.id ?? null]);
    await expect(assignOrders({ db: t.db, actor: actors.rep, input: { numbers: [numbers[1]!, "SO-999999"], assignee: people.morgan } })).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/^numbers: No order SO-999999/),
    });
    for (const assignee of [people.wes, people.gone, "00000000-0000-4000-8000-000000000000"]) {
      await expect(assignOrders({ db: t.db, actor: actors.rep, input: { numbers: [numbers[1]!], assignee } })).rejects.toMatchObject({
        message: expect.stringMatching(/^assignee: /),
      });
    }
    expect((await list({})).items.map((o) => [o.number, o.assignedTo?.id ?? null])).toEqual(before);
  });

  it("validates the input: at least one order, no order twice, a user id", () => {
    expect(ZAssignOrdersInput.safeParse({ numbers: [], assignee: null }).success).toBe(false);
    expect(ZAssignOrdersInput.safeParse({ numbers: ["SO-1", "SO-1"], assignee: null }).success).toBe(false);
    expect(ZAssignOrdersInput.safeParse({ numbers: ["SO-1"], assignee: "riley" }).success).toBe(false);
    expect(ZListOrdersInput.safeParse({ assignedTo: "someone" }).success).toBe(false);
  });

  it("through the router: a warehouse user may not assign; the assignees are the active desk users; an API key's 'me' matches nothing", async () => {
    await expect(callerAs(t.db, "warehouse").orders.assign({ numbers: [numbers[0]!], assignee: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const assignees = await callerAs(t.db, "rep").orders.assignees();
    const names = assignees.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(["Riley Assign", "Morgan Assign"]));
    expect(names).not.toContain("Wes Assign");
    expect(names).not.toContain("Gone Assign");
    expect((await list({ assignedTo: "me" }, "key_123")).items).toEqual([]);
  });
});
