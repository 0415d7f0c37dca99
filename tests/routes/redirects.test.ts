// Open-redirect and header-splitting payloads through the routes that redirect
// where a form or link says: sign-in (form and page) and the language switcher.
// Every one lands on "/" or a path of this site, and none answers 500.
import { describe, expect, it } from "vitest";
import { action as loginAction, loader as loginLoader } from "~/routes/login.tsx";
import { action as languageAction } from "~/routes/language.ts";
import { signInAs } from "../setup/auth.ts";
import { BASE, get, post } from "../setup/route.ts";

const PAYLOADS = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/\r\n/evil.example",
  "/incidents\r\nSet-Cookie: stolen=1",
  "/\u2028/evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "/\u0000",
];

function expectSafe(location: string | null) {
  expect(location).not.toBeNull();
  expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
}

describe("redirect targets from forms and links", () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("sign-in with redirectTo %s lands on /", async (_n, payload) => {
    const o = await post(loginAction, "/login", { email: "viewer@vigia.test", password: "vigia-viewer-demo", redirectTo: payload });
    expect(o.status).toBe(302);
    expect(o.location).toBe("/");
  });

  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("the sign-in page, already signed in, with redirectTo %s goes to /", async (_n, payload) => {
    const viewer = await signInAs("viewer");
    const o = await get(loginLoader, `/login?redirectTo=${encodeURIComponent(payload)}`, viewer);
    expect(o.status).toBe(302);
    expect(o.location).toBe("/");
  });

  it("the raw tab of /login?redirectTo=/%09/host does not leave the site", async () => {
    const viewer = await signInAs("viewer");
    const o = await get(loginLoader, "/login?redirectTo=/%09/evil.example/x", viewer);
    expect(o.location).toBe("/");
  });

  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("the language switcher with redirectTo %s goes to /", async (_n, payload) => {
    const o = await post(languageAction, "/language", { lng: "es", redirectTo: payload });
    expect(o.status).toBe(302);
    expect(o.location).toBe("/");
  });

  it("a same-site path is kept", async () => {
    const o = await post(languageAction, "/language", { lng: "fr", redirectTo: "/incidents?state=GRO" });
    expectSafe(o.location);
    expect(o.location).toBe("/incidents?state=GRO");
    expect(BASE).toBe("http://localhost");
  });
});
