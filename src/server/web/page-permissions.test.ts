import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mayOpenPage, PAGE_PERMISSIONS, pagePermission } from "./page-permissions";

const DESK = fileURLToPath(new URL("../../app/(desk)/", import.meta.url));

/** Every page.tsx of the desk, as its route, with the action its requirePermission asks for. */
function deskPages(): Array<{ route: string; action: string | undefined }> {
  const pages: Array<{ route: string; action: string | undefined }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(full);
      else if (entry.name === "page.tsx") {
        const route = `/${path.relative(DESK, dir).split(path.sep).join("/")}`;
        const action = /requirePermission\(\s*"([^"]+)"/.exec(fs.readFileSync(full, "utf8"))?.[1];
        pages.push({ route, action });
      }
    }
  };
  walk(DESK);
  return pages;
}

describe("PAGE_PERMISSIONS", () => {
  it("names every guarded desk page with the action the page itself asks for, and nothing else", () => {
    const guarded = deskPages().filter((page) => page.action);
    expect(guarded.length).toBeGreaterThan(30);
    expect(Object.fromEntries(PAGE_PERMISSIONS)).toEqual(Object.fromEntries(guarded.map((page) => [page.route, page.action])));
  });
});

describe("pagePermission", () => {
  it.each([
    ["/inventory/replenishment?vendor=V1", "replenishment.view"],
    ["/inventory/SKU-1", "inventory.view"],
    ["/inventory/transfers", "inventory.view"],
    ["/purchasing/new", "purchasing.manage"],
    ["/purchasing/PO-1", "purchasing.view"],
    ["/purchasing/PO-1/edit", "purchasing.manage"],
    ["/invoices/payments", "payments.view"],
    ["/invoices/INV-1", "invoices.view"],
    ["/admin/api-keys/", "apiKeys.manage"],
    ["/admin/users", "users.manage"],
    ["/orders/new#lines", "orders.create"],
  ])("%s asks for %s", (pathname, action) => {
    expect(pagePermission(pathname)).toBe(action);
  });

  it("knows nothing of paths that are not guarded pages", () => {
    expect(pagePermission("/")).toBeUndefined();
    expect(pagePermission("/nowhere/at/all")).toBeUndefined();
  });

  it("lets a role open what its permissions allow", () => {
    expect(mayOpenPage("rep", "/inventory/replenishment")).toBe(false);
    expect(mayOpenPage("warehouse", "/inventory/replenishment")).toBe(true);
    expect(mayOpenPage("rep", "/nowhere")).toBe(true);
    expect(mayOpenPage("manager", "/admin/users")).toBe(false);
    expect(mayOpenPage("admin", "/admin/users")).toBe(true);
  });
});
