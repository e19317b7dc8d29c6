import { describe, expect, it } from "vitest";
import { socketOptions } from "./client";

describe("socketOptions", () => {
  it("turns libpq's ?host=/dir into the socket's path for postgres.js, and leaves TCP URLs alone", () => {
    expect(socketOptions("postgres://app@localhost/orderdesk?host=/var/run/postgresql")).toEqual({ url: "postgres://app@localhost/orderdesk", path: "/var/run/postgresql/.s.PGSQL.5432" });
    expect(socketOptions("postgres://app@localhost:5433/orderdesk?host=%2Ftmp%2F&sslmode=disable")).toEqual({ url: "postgres://app@localhost:5433/orderdesk?sslmode=disable", path: "/tmp/.s.PGSQL.5433" });
    expect(socketOptions("postgres://app@127.0.0.1:5432/orderdesk")).toEqual({ url: "postgres://app@127.0.0.1:5432/orderdesk" });
  });
});
