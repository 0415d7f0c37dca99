import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import raw from "~/data/link-rules.json";
import { rulesFileSchema } from "~/domain/link-rules-schema.ts";
import { LINK_RULES, parseTermList, proposeLinks, rulesThatFire, type CaseFacts, type ProvisionTerms } from "~/domain/link-rules.ts";

const commitments = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../seeds/data/commitments.json"), "utf8"));
const provisions: ProvisionTerms[] = commitments.provisions.map((p: any) => ({
  id: `id-${p.code}`,
  code: p.code,
  termsEn: p.terms?.en ?? [],
  termsEs: p.terms?.es ?? [],
}));

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  sector: "unconfirmed",
  perpetratorType: "unspecified",
  companyCountry: null,
  countryCode: "MX",
  characteristics: [],
  text: "",
  ...over,
});

const codes = (f: CaseFacts) =>
  proposeLinks(f, provisions)
    .map((p) => p.provisionCode)
    .sort();
const MINING = ["AP-I-MIN", "AP-I-RESPMIN", "CA-MX-MOU-MIN-2017", "CSP-MIN-COMPLY"];

describe("the rules file", () => {
  it("is valid, versioned, with unique codes and a description and reason in three languages", () => {
    expect(rulesFileSchema.safeParse(raw).success).toBe(true);
    expect(LINK_RULES.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(LINK_RULES.changes.map((c) => c.version)).toContain(LINK_RULES.version);
    for (const rule of LINK_RULES.rules) {
      for (const lng of ["en", "es", "fr"] as const) {
        expect(rule.description[lng].length, `${rule.code} ${lng}`).toBeGreaterThan(20);
        expect(rule.why[lng].length, `${rule.code} ${lng}`).toBeGreaterThan(20);
      }
    }
  });

  it("points only at provisions that the seed creates", () => {
    const known = new Set(provisions.map((p) => p.code));
    for (const rule of LINK_RULES.rules) for (const code of rule.provisions) expect(known.has(code), `${rule.code} -> ${code}`).toBe(true);
  });

  it("rejects a rule with an unknown sector or field", () => {
    const bad = structuredClone(raw) as any;
    bad.rules[0].when = { sector: ["gold"] };
    expect(rulesFileSchema.safeParse(bad).success).toBe(false);
    bad.rules[0].when = { colour: ["red"] };
    expect(rulesFileSchema.safeParse(bad).success).toBe(false);
  });
});

describe("rules on a case's facts", () => {
  it("mining and extractives -> the mining provisions, named by the sector-mining rule", () => {
    const proposals = proposeLinks(facts({ sector: "mining_extractives" }), provisions);
    for (const code of MINING) {
      const p = proposals.find((x) => x.provisionCode === code);
      expect(p, code).toBeDefined();
      expect(p!.rulesFired).toContain("sector-mining");
      expect(p!.method).toBe("rule");
      expect(p!.score).toBe(1);
    }
  });

  it("a company based in Canada -> CORE, the NCP, Voices at Risk and the RBC strategy", () => {
    const proposals = proposeLinks(facts({ companyCountry: "ca" }), provisions);
    for (const code of ["CA-CORE", "CA-NCP-OECD", "CA-VAR", "CA-RBC-2022"]) {
      expect(proposals.find((x) => x.provisionCode === code)?.rulesFired).toEqual(["company-canada"]);
    }
  });

  it("police, armed forces, private military or security -> the security dialogue; hitmen do not", () => {
    for (const perpetratorType of ["police", "armed_forces", "private_military", "private_security"]) {
      expect(codes(facts({ perpetratorType }))).toContain("AP-III-SECDIAL");
    }
    expect(codes(facts({ perpetratorType: "hitmen" }))).not.toContain("AP-III-SECDIAL");
  });

  it("every defender in Mexico -> Escazú Art. 9 and the Protection Mechanism", () => {
    expect(codes(facts())).toEqual(["ESCAZU-ART9", "MX-LEY-2012"]);
  });

  it("an Indigenous victim in a mining or land conflict -> the Indigenous participation provisions, not with an unconfirmed sector", () => {
    expect(codes(facts({ characteristics: ["indigenous"], sector: "logging" }))).toEqual(expect.arrayContaining(["AP-II-INCL", "AP-IV-NPA"]));
    expect(codes(facts({ characteristics: ["indigenous"], sector: "mining_extractives" }))).toEqual(
      expect.arrayContaining(["AP-II-INCL", "AP-IV-NPA", ...MINING]),
    );
    expect(codes(facts({ characteristics: ["indigenous"], sector: "unconfirmed" }))).not.toContain("AP-II-INCL");
    expect(codes(facts({ characteristics: ["small_scale_farmer"], sector: "logging" }))).not.toContain("AP-II-INCL");
  });

  it("a case with no mining, no company and no state actor gets no mining provision", () => {
    const got = codes(facts({ sector: "logging", perpetratorType: "hitmen", characteristics: ["small_scale_farmer"] }));
    for (const code of [...MINING, "CA-CORE", "AP-III-SECDIAL"]) expect(got).not.toContain(code);
  });

  it("names every rule that fires on a case", () => {
    const fired = rulesThatFire(
      facts({ sector: "mining_extractives", companyCountry: "CA", perpetratorType: "private_security", characteristics: ["indigenous"] }),
    );
    expect(fired.map((r) => r.code).sort()).toEqual(["company-canada", "defender-mexico", "indigenous-land-conflict", "sector-mining", "security-actor"]);
  });
});

describe("the text signal", () => {
  it("adds text-only suggestions with their matched terms and score", () => {
    const proposals = proposeLinks(facts({ sector: "logging", text: "Defendía el bosque de la tala; la Guardia Nacional llegó al ejido." }), provisions);
    const npa = proposals.find((p) => p.provisionCode === "AP-IV-NPA")!;
    expect(npa.method).toBe("text");
    expect(npa.rulesFired).toEqual([]);
    expect(npa.matchedTerms.map((m) => m.term)).toEqual(["bosque"]);
    expect(npa.score).toBe(0.5);
    const sec = proposals.find((p) => p.provisionCode === "AP-III-SECDIAL")!;
    expect(sec.matchedTerms).toEqual([{ term: "guardia nacional", lang: "es", found: ["Guardia Nacional"] }]);
    expect(sec.score).toBe(1);
  });

  it("adds its score to a rule's and keeps the method 'rule'", () => {
    const proposals = proposeLinks(facts({ sector: "mining_extractives", text: "Se oponía a las concesiones mineras de una minera canadiense" }), provisions);
    const comply = proposals.find((p) => p.provisionCode === "CSP-MIN-COMPLY")!;
    expect(comply.method).toBe("rule");
    expect(comply.matchedTerms.map((m) => m.term)).toEqual(["minera canadiense"]);
    expect(comply.score).toBe(2);
    expect(proposals[0].score).toBeGreaterThanOrEqual(proposals.at(-1)!.score);
  });

  it("reads stored term lists defensively", () => {
    expect(parseTermList('["mina", "", 3]')).toEqual(["mina"]);
    expect(parseTermList("not json")).toEqual([]);
    expect(parseTermList(null)).toEqual([]);
  });
});
