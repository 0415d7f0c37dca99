import { describe, expect, it } from "vitest";
import { GW_CHARACTERISTIC, GW_PERPETRATOR, GW_SECTOR, MX_STATE_CODES, stateFromRegion } from "~/domain/taxonomy.ts";
import format from "../../seeds/reference/gw-dataset-format.json";

describe("Global Witness category values", () => {
  it("maps every value of the dataset's format to a code", () => {
    expect(Object.keys(GW_SECTOR).sort()).toEqual([...format.categoryValues.industry_driver].sort());
    expect(Object.keys(GW_PERPETRATOR).sort()).toEqual([...format.categoryValues.perpetrator_type].sort());
    expect(Object.keys(GW_CHARACTERISTIC).sort()).toEqual([...format.categoryValues.person_characteristics].sort());
  });
});

describe("stateFromRegion", () => {
  it("has Mexico's 32 states", () => {
    expect(MX_STATE_CODES).toHaveLength(32);
  });

  it.each([
    ["Oaxaca", "OAX"],
    [" Chihuahua", "CHH"],
    ["Michoacán state", "MIC"],
    ["San Luis de Potosí", "SLP"],
    ["Estado de Mexico", "MEX"],
    ["Ciudad de Mexico", "CMX"],
  ])("reads %j as %s", (raw, code) => {
    expect(stateFromRegion(raw)).toBe(code);
  });

  it("returns null rather than guessing when the region names no state", () => {
    expect(stateFromRegion("San Salvador")).toBeNull();
    expect(stateFromRegion("")).toBeNull();
    expect(stateFromRegion(null)).toBeNull();
  });
});
