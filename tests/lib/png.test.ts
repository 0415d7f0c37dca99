// The PNG made smaller (app/lib/png.server.ts): deflated again (decision 120), or indexed
// when it is opaque and has at most 256 colours (decision 135). The same pixels, fewer
// bytes, every chunk well formed (its CRC-32 checked here by zlib's own), the chunks other
// than the image data kept in their order.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { recompressPng } from "~/lib/png.server.ts";

type Extra = "lines and text" | "transparent corner" | "nothing";

/**
 * A chart-like drawing as Skia encodes it: white ground and twelve bars (flat, as most bar
 * charts are: opaque, a handful of colours, edges on whole pixels), and, where asked,
 * antialiased lines and text (hundreds of colours) or a transparent corner.
 */
async function drawnPng(width = 1200, height = 800, extra: Extra = "lines and text"): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 12; i++) {
    ctx.fillStyle = `hsl(${i * 30}, 60%, 45%)`;
    ctx.fillRect(60 + i * 90, height - 60 - i * 40, 60, i * 40 + 20);
  }
  if (extra === "transparent corner") ctx.clearRect(0, 0, 10, 10);
  if (extra === "lines and text") {
    ctx.strokeStyle = "#333";
    ctx.lineWidth = 3;
    ctx.beginPath();
    for (let x = 0; x < width; x += 10) ctx.lineTo(x, height / 2 + Math.sin(x / 50) * 120);
    ctx.stroke();
    ctx.fillStyle = "#111";
    ctx.font = "28px sans-serif";
    for (let y = 40; y < height; y += 90) ctx.fillText(`Casos registrados por año — ${y}`, 40, y);
  }
  return canvas.encode("png");
}

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
}

function chunksOf(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    chunks.push({
      type: png.toString("latin1", offset + 4, offset + 8),
      data: png.subarray(offset + 8, offset + 8 + length),
      crc: png.readUInt32BE(offset + 8 + length),
    });
    offset += 12 + length;
  }
  return chunks;
}

async function pixels(png: Buffer): Promise<Buffer> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return Buffer.from(ctx.getImageData(0, 0, image.width, image.height).data);
}

describe("recompressPng", () => {
  it("keeps every pixel and makes the file smaller, its chunks well formed and in order", async () => {
    const original = await drawnPng();
    const smaller = Buffer.from(await recompressPng(original));
    expect(smaller.length).toBeLessThan(original.length * 0.95);
    expect((await pixels(smaller)).equals(await pixels(original))).toBe(true);

    expect(smaller.subarray(0, 8).equals(original.subarray(0, 8))).toBe(true);
    const before = chunksOf(original);
    const after = chunksOf(smaller);
    for (const chunk of after) expect(chunk.crc, chunk.type).toBe(crc32(chunk.data, crc32(Buffer.from(chunk.type, "latin1"))));
    // The same chunks, the image data joined into one.
    const withoutRepeats = (types: string[]) => types.filter((t, i) => !(t === "IDAT" && types[i - 1] === "IDAT"));
    expect(after.map((c) => c.type)).toEqual(withoutRepeats(before.map((c) => c.type)));
    expect(after[0].data.equals(before[0].data)).toBe(true); // IHDR
  });

  it("returns an image it cannot shrink as it was, and refuses what is not a PNG", async () => {
    const once = Buffer.from(await recompressPng(await drawnPng(300, 200)));
    expect(Buffer.from(await recompressPng(once)).equals(once)).toBe(true);
    await expect(recompressPng(new TextEncoder().encode("not an image"))).rejects.toThrow(/not a PNG/);
    await expect(recompressPng(once.subarray(0, 100))).rejects.toThrow(/not a PNG/);
  });

  it("writes an opaque image of at most 256 colours as an indexed one: a palette, the same pixels, about half the bytes", async () => {
    const original = await drawnPng(1200, 800, "nothing");
    const indexed = Buffer.from(await recompressPng(original));
    expect((await pixels(indexed)).equals(await pixels(original))).toBe(true);
    expect(indexed.length).toBeLessThan(original.length * 0.6);

    const after = chunksOf(indexed);
    for (const chunk of after) expect(chunk.crc, chunk.type).toBe(crc32(chunk.data, crc32(Buffer.from(chunk.type, "latin1"))));
    const ihdr = after[0].data;
    expect(after[0].type).toBe("IHDR");
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([1200, 800, 8, 3]);
    // The palette just before the image data; chunks that describe RGBA samples (Skia's sBIT) left out, the rest kept.
    const kept = chunksOf(original)
      .map((c) => c.type)
      .filter((t, i, all) => t !== "sBIT" && t !== "IHDR" && !(t === "IDAT" && all[i - 1] === "IDAT"));
    expect(chunksOf(original).some((c) => c.type === "sBIT")).toBe(true);
    expect(after.map((c) => c.type)).toEqual(["IHDR", ...kept.slice(0, kept.indexOf("IDAT")), "PLTE", ...kept.slice(kept.indexOf("IDAT"))]);
    expect(after.find((c) => c.type === "PLTE")!.data.length).toBe(13 * 3); // white and the twelve bars
  });

  it("keeps the colours of an image that is not opaque or has more than 256 colours", async () => {
    const transparent = Buffer.from(await recompressPng(await drawnPng(300, 200, "transparent corner")));
    expect(chunksOf(transparent)[0].data[9]).toBe(6);
    expect((await pixels(transparent)).equals(await pixels(await drawnPng(300, 200, "transparent corner")))).toBe(true);
    const manyColours = Buffer.from(await recompressPng(await drawnPng()));
    expect(chunksOf(manyColours)[0].data[9]).toBe(6);
  });
});
