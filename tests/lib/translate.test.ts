// Vigía's own t (app/lib/translate.ts, docs/decisions/124-own-translate.md): lookup,
// {{}} interpolation, plurals by the language's Intl.PluralRules, fallback, default
// values, and the page's translator switching language under React.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createI18n, getFixedT, I18nProvider, useTranslation, type I18n } from "~/lib/i18n.ts";
import { interpolate, translate, type Lookup } from "~/lib/translate.ts";
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";

describe("translate", () => {
  const dict = (lng: string, texts: object): Lookup => [lng, texts];
  const english = dict("en", {
    a: { b: "Hello, {{name}}", n: "{{count}} case", n_one: "{{count}} case", n_other: "{{count}} cases", obj: { x: "x" } },
    onlyEn: "English only",
    bare: "{{count}} of them",
  });

  it("finds a text by its dotted key and fills in its placeholders", () => {
    expect(translate([english], "a.b", { name: "Ana" })).toBe("Hello, Ana");
    expect(translate([english], "a.b", { name: 3 })).toBe("Hello, 3");
  });

  it("leaves a placeholder without a value as written, and gives an empty text for undefined or null", () => {
    expect(translate([english], "a.b")).toBe("Hello, {{name}}");
    expect(translate([english], "a.b", { other: 1 })).toBe("Hello, {{name}}");
    expect(translate([english], "a.b", { name: undefined })).toBe("Hello, ");
    expect(translate([english], "a.b", { name: null })).toBe("Hello, ");
    expect(interpolate("{{ a }}/{{b}}/{{a}}", { a: "x", b: "{{a}}" })).toBe("x/{{a}}/x");
  });

  it("escapes nothing (React escapes what it renders)", () => {
    expect(translate([english], "a.b", { name: "<b>&</b>" })).toBe("Hello, <b>&</b>");
  });

  it("looks in the next dictionary, then uses defaultValue, then shows the key", () => {
    const spanish = dict("es", { a: { b: "Hola, {{name}}" } });
    expect(translate([spanish, english], "a.b", { name: "Ana" })).toBe("Hola, Ana");
    expect(translate([spanish, english], "onlyEn")).toBe("English only");
    expect(translate([spanish], "onlyEn")).toBe("onlyEn");
    expect(translate([spanish], "onlyEn", { defaultValue: "" })).toBe("");
    expect(translate([spanish], "nope", { defaultValue: "{{code}}!", code: "X1" })).toBe("X1!");
    // An object is not a text.
    expect(translate([english], "a.obj")).toBe("a.obj");
    expect(translate([english], "a.obj", { defaultValue: "d" })).toBe("d");
    expect(translate([english], "a.b.c")).toBe("a.b.c");
    expect(translate([english], "toString")).toBe("toString");
  });

  it("chooses a plural form by the language's rules, then _other, then the bare key", () => {
    expect(translate([english], "a.n", { count: 1 })).toBe("1 case");
    expect(translate([english], "a.n", { count: 0 })).toBe("0 cases");
    expect(translate([english], "a.n", { count: 2 })).toBe("2 cases");
    const french = dict("fr", { n_one: "{{count}} affaire", n_other: "{{count}} affaires" });
    expect(translate([french], "n", { count: 0 })).toBe("0 affaire");
    expect(translate([french], "n", { count: 1 })).toBe("1 affaire");
    expect(translate([french], "n", { count: 1.5 })).toBe("1.5 affaire");
    expect(translate([french], "n", { count: 2 })).toBe("2 affaires");
    // French says "many" of a million: there is no _many text, so _other.
    expect(translate([french], "n", { count: 1_000_000 })).toBe("1000000 affaires");
    expect(translate([english], "bare", { count: 4 })).toBe("4 of them");
    // A count that is not a number is a value like any other.
    expect(translate([english], "a.n", { count: "1" as unknown as number })).toBe("1 case");
  });
});

describe("the dictionaries through getFixedT", () => {
  it("say plurals in each language, French 0 and 1 in the singular", () => {
    const left = (lng: "en" | "es" | "fr", count: number) => getFixedT(lng)("auth.twoFactor.codesLeft", { count });
    expect(left("en", 1)).toBe("1 recovery code left.");
    expect(left("en", 0)).toBe("0 recovery codes left.");
    expect(left("es", 1)).toBe(es.auth.twoFactor.codesLeft_one.replace("{{count}}", "1"));
    expect(left("es", 0)).toBe(es.auth.twoFactor.codesLeft_other.replace("{{count}}", "0"));
    expect(left("fr", 0)).toBe("Il vous reste 0 code de secours.");
    expect(left("fr", 1)).toBe("Il vous reste 1 code de secours.");
    expect(left("fr", 2)).toBe("Il vous reste 2 codes de secours.");
    expect(getFixedT("fr")("overview.year2024.killed", { count: 0 })).toBe(fr.overview.year2024.killed_one.replace("{{count}}", "0"));
  });

  it("fill in placeholders in each language", () => {
    for (const [lng, dict] of [
      ["en", en],
      ["es", es],
      ["fr", fr],
    ] as const)
      expect(getFixedT(lng)("auth.twoFactor.on", { date: "D" })).toBe(dict.auth.twoFactor.on.replace("{{date}}", "D"));
  });
});

describe("the page's translator", () => {
  function Title() {
    const { t, i18n } = useTranslation();
    return createElement("h1", { lang: i18n.language }, t("app.name"), " · ", t("auth.twoFactor.codesLeft", { count: 1 }));
  }
  const render = (i18n: I18n) => renderToStaticMarkup(createElement(I18nProvider, { i18n }, createElement(Title)));

  it("renders in its language and switches at once where every language is at hand, telling its subscribers", async () => {
    const i18n = createI18n("en");
    expect(render(i18n)).toBe(`<h1 lang="en">${en.app.name} · 1 recovery code left.</h1>`);
    let told = 0;
    const unsubscribe = i18n.subscribe(() => told++);
    const switched = i18n.changeLanguage("fr");
    // Synchronous: the root layout switches while it renders, before the routes below it.
    expect(i18n.language).toBe("fr");
    expect(i18n.t("auth.twoFactor.codesLeft", { count: 0 })).toBe("Il vous reste 0 code de secours.");
    await switched;
    expect(told).toBe(1);
    expect(render(i18n)).toBe(`<h1 lang="fr">${fr.app.name} · Il vous reste 1 code de secours.</h1>`);
    await i18n.changeLanguage("es");
    await Promise.resolve();
    expect(told).toBe(2);
    expect(render(i18n)).toBe(`<h1 lang="es">${es.app.name} · ${es.auth.twoFactor.codesLeft_one.replace("{{count}}", "1")}</h1>`);
    unsubscribe();
    await i18n.changeLanguage("en");
    await Promise.resolve();
    expect(told).toBe(2);
  });

  it("needs a provider", () => {
    expect(() => renderToStaticMarkup(createElement(Title))).toThrow(/I18nProvider/);
  });
});
