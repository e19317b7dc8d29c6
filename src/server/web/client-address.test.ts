import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";

const headers = (forwarded: string | null, peer: string | null) => {
  const h = new Headers();
  if (forwarded !== null) h.set("x-forwarded-for", forwarded);
  if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
  return h;
};

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("6.6.6.6", "203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(headers(null, "203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("behind one proxy is the address that proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
  });

  it("behind two proxies goes two hops back", () => {
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("takes the leftmost hop when fewer are present than proxies are trusted", () => {
    expect(clientAddress(headers(null, "10.0.0.2"), 3)).toBe("10.0.0.2");
  });

  it("shows an IPv4 client on a dual-stack socket as IPv4", () => {
    expect(clientAddress(headers(null, "::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers(null, "::1"), 0)).toBe("::1");
  });

  it("falls back to Next's own entry without the peer header, and says unknown with nothing at all", () => {
    expect(clientAddress(headers("127.0.0.1", null), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers(null, null), 0)).toBe("unknown");
  });
});
