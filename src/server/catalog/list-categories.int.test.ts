import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "~/test/caller";
import { createTestDb, type TestDb } from "~/test/db";
import { actors } from "~/test/fixtures";
import { createProduct } from "./create-product";
import { listCategories } from "./list-categories";
import { ZCreateProductInput, ZListCategoriesInput } from "./schemas";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  // Categories come with their first product (createProduct makes an unknown category on the way).
  const products: [string, string][] = [
    ["MD-1", "Motors & Drives"],
    ["MD-2", "Motors & Drives"],
    ["EM-1", "Electric Motors"],
    ["FA-1", "Fasteners"],
  ];
  for (const [sku, category] of products) {
    await createProduct({ db: t.db, actor: actors.admin, input: ZCreateProductInput.parse({ sku, name: `${category} ${sku}`, category, listPrice: 1000, cost: 500 }) });
  }
});
afterAll(() => t?.cleanup());

const search = async (text: string) => (await listCategories({ db: t.db, input: ZListCategoriesInput.parse({ search: text }) })).map((c) => c.name);

describe("category type-ahead", () => {
  it("finds Motors & Drives by the start of its name, in any case, with the ampersand", async () => {
    // Names starting with the text come first, then names holding it.
    expect(await search("Mot")).toEqual(["Motors & Drives", "Electric Motors"]);
    expect(await search("Motors")).toEqual(["Motors & Drives", "Electric Motors"]);
    expect(await search("motors &")).toEqual(["Motors & Drives"]);
    expect(await search("Drives")).toEqual(["Motors & Drives"]);
  });

  it("answers each category with its code and number of products; no text lists them all", async () => {
    const [motors] = await listCategories({ db: t.db, input: ZListCategoriesInput.parse({ search: "mot" }) });
    expect(motors).toEqual({ code: "MOTORS-DRIVES", name: "Motors & Drives", products: 2 });
    expect(await search("")).toEqual(["Electric Motors", "Fasteners", "Motors & Drives"]);
    expect(await search("gears")).toEqual([]);
  });

  it("is what the pages' picker calls (products.categories)", async () => {
    const page = await callerAs(t.db, "rep").products.categories({ search: "Motors", limit: 12 });
    expect(page.items.map((c) => c.name)).toEqual(["Motors & Drives", "Electric Motors"]);
  });
});
