import { describe, expect, it } from "vitest";
import { shipsWhereBilled, toCreateCustomerInput, toUpdateCustomerInput, type CustomerFormValues } from "./customer-form-input";

const address = { line1: " 1 Main St ", city: "Newark", region: "NJ", postalCode: "07102", country: "us" };
const values = (patch: Partial<CustomerFormValues> = {}): CustomerFormValues => ({
  code: "NEW-1",
  name: " New Account ",
  segment: "wholesale",
  demandClass: "B",
  currency: "usd",
  creditLimit: "25,000.50",
  paymentTermsDays: "45",
  email: "",
  billingEmail: " ap@example.com ",
  phone: "",
  billingAddress: address,
  shipsToBilling: true,
  shippingAddress: { line1: "", city: "", region: "", postalCode: "", country: "" },
  ...patch,
});
const may = { setCredit: true, setTerms: true };

describe("the customer form's input", () => {
  it("trims, upper-cases the currency and country, reads the limit in the currency's minor units, ships to the billing address", () => {
    const result = toCreateCustomerInput(values(), may);
    expect(result).toEqual({
      ok: true,
      input: {
        code: "NEW-1",
        name: "New Account",
        segment: "wholesale",
        demandClass: "B",
        currency: "USD",
        creditLimit: 2_500_050,
        paymentTermsDays: 45,
        taxExempt: false,
        email: null,
        billingEmail: "ap@example.com",
        phone: null,
        billingAddress: { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" },
        shippingAddress: { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" },
      },
    });
  });

  it("leaves the limit at 0 and the terms at 30 days for a user who may not set them", () => {
    const result = toCreateCustomerInput(values(), { setCredit: false, setTerms: false });
    expect(result.ok && [result.input.creditLimit, result.input.paymentTermsDays]).toEqual([0, 30]);
  });

  it("names every field it refuses, as the server names them", () => {
    const result = toCreateCustomerInput(
      values({ code: "no spaces", name: " ", currency: "US", creditLimit: "12.345", paymentTermsDays: "400", email: "nobody", shipsToBilling: false }),
      may,
    );
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(
      ["code", "creditLimit", "currency", "email", "name", "paymentTermsDays", "shippingAddress.city", "shippingAddress.country", "shippingAddress.line1", "shippingAddress.postalCode"].sort(),
    );
  });

  it("an edit carries the customer's code and version and clears emptied fields", () => {
    const result = toUpdateCustomerInput(values({ billingEmail: "", phone: "+1 555 0100" }), { code: "ACME", version: 3 });
    expect(result.ok && result.input).toMatchObject({ code: "ACME", version: 3, billingEmail: null, phone: "+1 555 0100", name: "New Account" });
    expect(result.ok && "creditLimit" in result.input).toBe(false);
  });

  it("shows one address when the customer ships where it is billed", () => {
    expect(shipsWhereBilled(address, { ...address, line1: "1 Main St", country: "US" })).toBe(true);
    expect(shipsWhereBilled(address, null)).toBe(true);
    expect(shipsWhereBilled(address, { ...address, city: "Hoboken" })).toBe(false);
  });
});
