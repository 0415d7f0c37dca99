// Reading the case search from an address (app/domain/case-search.ts).
import { describe, expect, it } from "vitest";
import { parseCaseSearch, searchTerms, SEARCH_MAX_LENGTH } from "~/domain/case-search.ts";

const read = (query: string) => parseCaseSearch(new URLSearchParams(query));

describe("parseCaseSearch", () => {
  it("trims, joins runs of space, and answers null when nothing is left", () => {
    expect(read("q=%20%20Jos%C3%A9%20%0A%20Luis%20")).toBe("José Luis");
    expect(read("q=")).toBeNull();
    expect(read("q=%20%09")).toBeNull();
    expect(read("other=1")).toBeNull();
  });

  it("takes control characters, NUL included, as spaces between words", () => {
    expect(read("q=jos%C3%A9%00")).toBe("josé");
    expect(read("q=a%00b")).toBe("a b");
    expect(searchTerms(read("q=a%00b"))).toEqual(["a", "b"]);
    expect(read("q=%00%01%1F%7F")).toBeNull();
    expect(read("q=%C2%85oaxaca")).toBe("oaxaca");
  });

  it("cuts the text to the search box's length", () => {
    const long = read(`q=${"a".repeat(SEARCH_MAX_LENGTH + 50)}`);
    expect(long).toHaveLength(SEARCH_MAX_LENGTH);
  });
});
