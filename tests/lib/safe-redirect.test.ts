// Open-redirect payloads: every one becomes "/" (or stays the same-origin path it
// is), and the result is always safe to put in a Location header.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/safe-redirect.ts";

const HOSTILE = [
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/\t\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example".replace("%09", "\t"),
  "/ /evil.example".replace(" ", "\u000b"),
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u2028/evil.example",
  "/cases\r\nSet-Cookie: x=1",
  "/cases\nLocation: https://evil.example",
  "https://evil.example",
  "http:evil.example",
  "https:/evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "",
  " /incidents",
  "\t/incidents",
  "@evil.example",
  "/@evil.example".replace("/", "//"),
];

describe("safeRedirect", () => {
  it.each(HOSTILE.map((p) => [JSON.stringify(p), p]))("%s becomes /", (_name, payload) => {
    expect(safeRedirect(payload)).toBe("/");
  });

  it("anything that is not text becomes the fallback", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
    expect(safeRedirect("//evil.example", "/incidents")).toBe("/incidents");
  });

  it.each([
    ["/", "/"],
    ["/incidents", "/incidents"],
    ["/incidents?state=GRO&sort=date_asc", "/incidents?state=GRO&sort=date_asc"],
    ["/provisions/CM-1#links", "/provisions/CM-1#links"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/a/../b", "/b"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/trends?q=Oaxaca é", "/trends?q=Oaxaca%20%C3%A9"],
    ["/estados/Michoacán", "/estados/Michoac%C3%A1n"],
  ])("%s stays on this site as %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it("a path that normalises to a protocol-relative one is refused", () => {
    expect(safeRedirect("/.//evil.example")).toBe("/");
    expect(safeRedirect("/a/..//evil.example")).toBe("/");
  });

  it("every result is a valid Location header value", () => {
    for (const p of [...HOSTILE, "/x\u00e9\u4e2d\ud83d\ude00", "/?a=\u0085"]) {
      expect(() => new Headers({ Location: safeRedirect(p) })).not.toThrow();
      expect(safeRedirect(p)).toMatch(/^\/(?![/\\])/);
    }
  });
});
