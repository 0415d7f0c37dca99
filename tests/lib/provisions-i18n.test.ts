// Every translation key the commitments feature uses literally must exist: the
// typecheck does not see keys inside t("..."), so a typo would show a raw key.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { getFixedT, LANGUAGES } from "~/lib/i18n.ts";

const root = resolve(import.meta.dirname, "../../app");
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" || name === "locales" ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("keys used by the commitments feature", () => {
  const used = new Set<string>();
  for (const file of files(root)) {
    for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"(provisions\.[A-Za-z0-9_.]+)"/g)) used.add(m[1]);
  }

  it("are found by scanning the code", () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it("all resolve in every language (plural keys through their _one/_other forms)", () => {
    for (const lng of LANGUAGES) {
      const t = getFixedT(lng);
      for (const key of used) {
        const value = t(key, { count: 2 });
        expect(value, `${lng}: ${key}`).not.toBe(key);
        expect(value, `${lng}: ${key}`).not.toMatch(/^provisions\./);
      }
    }
  });
});
