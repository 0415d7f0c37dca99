import { describe, expect, it } from "vitest";
import { isNameWithheld, nameForAuditLog, visibleName } from "~/domain/victim-name.ts";

describe("the rule that withholds a victim's name", () => {
  const withheld = { victimName: "Ana López", victimNamePublic: false };
  const published = { victimName: "Ana López", victimNamePublic: true };
  const unknown = { victimName: null, victimNamePublic: false };

  it("withholds a recorded name that may not be published, from everyone but staff", () => {
    expect(isNameWithheld(withheld)).toBe(true);
    expect(visibleName(withheld, { staff: false })).toEqual({ victimName: null, nameWithheld: true });
    expect(visibleName(withheld, { staff: true })).toEqual({ victimName: "Ana López", nameWithheld: true });
  });

  it("shows a publishable name to every reader", () => {
    expect(visibleName(published, { staff: false })).toEqual({ victimName: "Ana López", nameWithheld: false });
  });

  it("calls an unrecorded name unknown, not withheld", () => {
    expect(isNameWithheld(unknown)).toBe(false);
    expect(visibleName(unknown, { staff: false })).toEqual({ victimName: null, nameWithheld: false });
  });

  it("never lets the audit log hold a withheld name", () => {
    expect(nameForAuditLog(withheld)).toBe("[withheld]");
    expect(nameForAuditLog(published)).toBe("Ana López");
    expect(nameForAuditLog(unknown)).toBeNull();
  });
});
