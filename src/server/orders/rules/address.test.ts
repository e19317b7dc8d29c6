import { describe, expect, it } from "vitest";
import { addressProblem } from "./address";

const base = { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

describe("addressProblem", () => {
  it.each([
    ["US", "07102", "NJ"],
    ["US", "07102-1234", "NJ"],
    ["CA", "K1A 0B1", "ON"],
    ["CA", "k1a0b1", "ON"],
    ["GB", "SW1A 1AA", ""],
    ["GB", "M1 1AE", ""],
    ["DE", "10115", ""],
    ["FR", "75008", ""],
    ["NL", "1012 AB", ""],
    ["AU", "2000", "NSW"],
    ["JP", "100-0001", ""],
  ])("accepts a %s address with postal code %s", (country, postalCode, region) => {
    expect(addressProblem({ ...base, country, postalCode, region })).toBeNull();
  });

  it.each([
    ["US", "ABCDE", "NJ"],
    ["US", "0710", "NJ"],
    ["CA", "12345", "ON"],
    ["GB", "12345", ""],
    ["DE", "1011", ""],
    ["FR", "7500A", ""],
    ["NL", "0123 AB", ""],
    ["AU", "20000", "NSW"],
  ])("names a %s postal code %s that does not match the format", (country, postalCode, region) => {
    expect(addressProblem({ ...base, country, postalCode, region })).toMatch(new RegExp(`Postal code "${postalCode}" does not match the ${country} format`));
  });

  it("asks for the region where labels need one, and for every missing part", () => {
    expect(addressProblem({ ...base, region: "" })).toBe("The ship-to address is incomplete: region missing.");
    expect(addressProblem({ ...base, country: "DE", postalCode: "10115", region: "" })).toBeNull();
    expect(addressProblem({ ...base, line1: " ", city: "" })).toBe("The ship-to address is incomplete: street, city missing.");
    expect(addressProblem(null)).toBe("The order has no ship-to address.");
  });
});
