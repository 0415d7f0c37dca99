// A gzip body assembled from pieces compressed once and short texts that change per
// response (a cached page and this response's CSP nonce, decision 111), so that a
// repeated page costs a copy and a CRC instead of compressing 40–170 KB again.
// Each piece is raw deflate ending on a full flush: byte-aligned and with no reference
// to anything before it (RFC 1951 §3.2.4: "any previous data" may not be referenced
// after a full flush), so pieces and stored blocks can follow one another in any order.
// The gzip member around them (RFC 1952): header, the blocks, an empty final block,
// the CRC-32 and length of the whole text. tests/lib/gzip-pieces.test.ts checks the
// result with zlib's own gunzip.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** A piece compressed once: its raw deflate blocks, beside its bytes (for the CRC and the uncompressed answer). */
export interface DeflatedPiece {
  blocks: Buffer;
  length: number;
  bytes: Buffer;
}

export function deflatePiece(bytes: Buffer): DeflatedPiece {
  return { blocks: deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH }), length: bytes.length, bytes };
}

/** A stored (uncompressed) deflate block of up to 65,535 bytes, not final; the stream is byte-aligned before it. */
function storedBlock(bytes: Buffer): Buffer {
  if (bytes.length > 0xffff) throw new RangeError("a stored block holds at most 65,535 bytes");
  const header = Buffer.alloc(5);
  header[0] = 0; // BFINAL 0, BTYPE 00 (stored), padded to the byte
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty stored block with BFINAL set: the end of the deflate stream. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/**
 * The gzip of `pieces[0] + between + pieces[1] + between + …`: the pieces as compressed
 * before, `between` (short, per response) stored as it is.
 */
export function gzipPieces(pieces: DeflatedPiece[], between: Buffer): Buffer {
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  const stored = storedBlock(between);
  // Node 20's crc32 answers 0 for a buffer over an empty ArrayBuffer, whatever the running value: empty texts are skipped.
  const update = (bytes: Buffer) => (bytes.length ? crc32(bytes, crc) : crc);
  pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(stored);
      crc = update(between);
      length += between.length;
    }
    parts.push(piece.blocks);
    crc = update(piece.bytes);
    length += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}

/** True when an Accept-Encoding header accepts gzip (named, or `*`, with a weight above 0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name.trim() === "gzip" || name.trim() === "x-gzip") gzip = Number.isFinite(weight) ? weight : 0;
    else if (name.trim() === "*") any = Number.isFinite(weight) ? weight : 0;
  }
  return (gzip ?? any ?? 0) > 0;
}
