import { describe, expect, it } from "vitest";
import { editDistance, foldName, nameSimilarity, similarNames } from "~/domain/name-match.ts";

describe("name matching for possible duplicates", () => {
  it("ignores accents, case, apostrophes and hyphens", () => {
    expect(foldName("María José O'Brien-Núñez")).toBe("maria jose o brien nunez");
    expect(similarNames("María José O'Brien-Núñez", "MARIA JOSE OBRIEN NUNEZ")).toBe(true);
    expect(similarNames("José Ramírez", "jose ramirez")).toBe(true);
  });

  it("matches a shorter form of the same name and small typos", () => {
    expect(similarNames("José Pérez", "José Luis Pérez García")).toBe(true);
    expect(similarNames("Bernardo Vázquez Sánchez", "Bernardo Vasquez Sanchez")).toBe(true);
    expect(similarNames("Samir Flores Soberanes", "Samir Flores Soverane")).toBe(true);
  });

  it("does not match different people", () => {
    expect(similarNames("Rosa Elena Pérez", "Tomás Quintero Luna")).toBe(false);
    expect(similarNames("Ana", "Luis")).toBe(false);
    expect(nameSimilarity("", "Ana")).toBe(0);
  });

  it("works on non-Latin scripts", () => {
    expect(similarNames("Мария Петрова", "мария петрова")).toBe(true);
    expect(similarNames("李秀英", "李秀英")).toBe(true);
    expect(similarNames("李秀英", "王芳")).toBe(false);
  });

  it("counts edits by characters, not code units", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("😀a", "😀b")).toBe(1);
  });
});
