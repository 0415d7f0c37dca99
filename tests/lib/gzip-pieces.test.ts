// A gzip body from pieces compressed once and a short text between them (decision 111):
// zlib's own gunzip reads back exactly the text, whatever the pieces hold.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, deflatePiece, gzipPieces } from "~/lib/gzip-pieces.server.ts";

const pieces = (texts: string[]) => texts.map((t) => deflatePiece(Buffer.from(t, "utf8")));

describe("gzipPieces", () => {
  it("is a gzip stream of the pieces joined by the text between them", () => {
    const texts = ['<script nonce="', '">x</script><p>Defensoras – añadido, él, çà</p>'.repeat(500), '"></script>', ""];
    const between = Buffer.from("R8l7PspIctvg6NOF7dxUEw==");
    const gz = gzipPieces(pieces(texts), between);
    expect(gunzipSync(gz).toString("utf8")).toBe(texts.join(between.toString()));
    expect(gz.length).toBeLessThan(Buffer.byteLength(texts.join("")) / 5);
  });

  it("holds one piece, empty pieces, and a large piece", () => {
    const between = Buffer.from("n");
    expect(gunzipSync(gzipPieces(pieces(["only"]), between)).toString()).toBe("only");
    expect(gunzipSync(gzipPieces(pieces(["", "", ""]), between)).toString()).toBe("nn");
    const large = "0123456789abcdef".repeat(40_000);
    expect(gunzipSync(gzipPieces(pieces([large, large]), between)).toString()).toBe(`${large}n${large}`);
  });

  it("gives a fresh text each time from the same pieces", () => {
    const kept = pieces(["a", "b"]);
    expect(gunzipSync(gzipPieces(kept, Buffer.from("1"))).toString()).toBe("a1b");
    expect(gunzipSync(gzipPieces(kept, Buffer.from("2"))).toString()).toBe("a2b");
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding with its weights", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
