import { describe, expect, it } from "vitest";
import { matchTerms, normaliseWord, sameWord, termWeight, tokenize, type Term } from "~/domain/term-match.ts";

const es = (...terms: string[]): Term[] => terms.map((term) => ({ term, lang: "es" as const }));
const en = (...terms: string[]): Term[] => terms.map((term) => ({ term, lang: "en" as const }));
const found = (text: string, terms: Term[]) => matchTerms(text, terms).map((m) => m.term);

describe("normalising words", () => {
  it("drops case and accents, in precomposed and decomposed forms", () => {
    expect(normaliseWord("MINERÍA")).toBe("mineria");
    expect(normaliseWord("Concesión")).toBe("concesion");
    expect(normaliseWord("Indi\u0301gena")).toBe("indigena"); // i + combining acute
    expect(normaliseWord("Escazú")).toBe("escazu");
  });

  it("splits text into words at any punctuation, keeping positions", () => {
    const tokens = tokenize("Canada–Mexico partnership, «minería»!");
    expect(tokens.map((t) => t.key)).toEqual(["canada", "mexico", "partnership", "mineria"]);
    expect("Canada–Mexico partnership, «minería»!".slice(tokens[3].start, tokens[3].end)).toBe("minería");
  });

  it("treats regular English and Spanish plurals as the same word", () => {
    expect(sameWord("concesion", "concesiones")).toBe(true);
    expect(sameWord("comunidades", "comunidad")).toBe(true);
    expect(sameWord("mine", "mines")).toBe(true);
    expect(sameWord("community", "communities")).toBe(true);
    expect(sameWord("luz", "luces")).toBe(true);
    expect(sameWord("mine", "mineral")).toBe(false);
    expect(sameWord("mina", "minado")).toBe(false);
  });
});

describe("matching a provision's terms in Spanish", () => {
  it("ignores accents both ways: minería / mineria", () => {
    expect(found("Se oponía a la mineria a cielo abierto", es("minería"))).toEqual(["minería"]);
    expect(found("Se oponía a la minería a cielo abierto", es("mineria"))).toEqual(["mineria"]);
    expect(found("LA MINERÍA EN LA SIERRA", es("minería"))).toEqual(["minería"]);
  });

  it("tolerates plurals: concesión / concesiones, comunidad indígena / comunidades indígenas", () => {
    const matches = matchTerms("Denunció las concesiones otorgadas sin consultar a las comunidades indígenas", es("concesión", "comunidad indígena"));
    expect(matches.map((m) => m.term)).toEqual(["concesión", "comunidad indígena"]);
    expect(matches[0].found).toEqual(["concesiones"]);
    expect(matches[1].found).toEqual(["comunidades indígenas"]);
  });

  it("matches whole words only", () => {
    expect(found("El minado de datos no es minería", es("mina"))).toEqual([]);
    expect(found("Trabajaba en la mina La Platosa", es("mina"))).toEqual(["mina"]);
    expect(found("Defendía el territorio contra dos minas", es("mina"))).toEqual(["mina"]);
  });

  it("matches phrases across punctuation and line breaks, not across other words", () => {
    expect(found("una empresa\nminera canadiense", es("empresa minera"))).toEqual(["empresa minera"]);
    expect(found("empresa de capital minero", es("empresa minera"))).toEqual([]);
  });
});

describe("matching a provision's terms in English", () => {
  it("tolerates plurals: mine / mines, community / communities", () => {
    expect(found("Two open-pit mines were expanding", en("mine"))).toEqual(["mine"]);
    expect(found("Indigenous communities opposed the project", en("indigenous community"))).toEqual(["indigenous community"]);
  });

  it("does not find a word inside a longer one", () => {
    expect(found("Mineral prices and an undermined process", en("mine"))).toEqual([]);
    expect(found("The policeman and the police", en("police"))).toEqual(["police"]);
  });

  it("counts a phrase once: a term found only inside a longer matched term is left out", () => {
    const terms = en("mining", "mining concession", "concession");
    expect(found("He opposed the mining concession", terms)).toEqual(["mining concession"]);
    // "mining" also appears on its own, so it stays.
    expect(found("He opposed the mining concession and all mining", terms)).toEqual(["mining", "mining concession"]);
  });

  it("reports equivalent terms once (escazú and escazu) and what the text said", () => {
    const matches = matchTerms("Mexico ratified ESCAZÚ in 2021", en("escazú", "escazu"));
    expect(matches).toEqual([{ term: "escazú", lang: "en", found: ["ESCAZÚ"] }]);
  });

  it("finds nothing in empty text", () => {
    expect(matchTerms("", en("mine"))).toEqual([]);
  });
});

describe("matching both languages at once", () => {
  it("finds English and Spanish terms in a mixed description, each with its language", () => {
    const terms = [...en("canadian mining company", "tailings"), ...es("minera canadiense", "jales", "concesión minera")];
    const matches = matchTerms("La minera canadiense dejó jales; the Canadian mining company denied it. Concesiones mineras en Chihuahua.", terms);
    expect(matches.map((m) => `${m.lang}:${m.term}`)).toEqual(["en:canadian mining company", "es:minera canadiense", "es:jales", "es:concesión minera"]);
    expect(matches.find((m) => m.term === "concesión minera")!.found).toEqual(["Concesiones mineras"]);
  });

  it("weighs a phrase more than a single word", () => {
    expect(termWeight("mina")).toBe(0.5);
    expect(termWeight("comunidad indígena")).toBe(1);
  });
});
