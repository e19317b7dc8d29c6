import { describe, expect, it } from "vitest";
import { actorLabel, type Actor } from "../auth/actor";
import { auditActorName } from "./audit";

describe("auditActorName", () => {
  it("names actors in the audit trail exactly as auth's actorLabel does in timelines and ledgers", () => {
    const actors: Actor[] = [
      { kind: "user", id: "u1", name: "Morgan Manager", role: "manager" },
      { kind: "api_key", id: "k1", name: "Web shop", role: "rep" },
    ];
    for (const actor of actors) expect(auditActorName(actor)).toBe(actorLabel(actor));
  });
});
