// Confidential fields at rest (decision 102): never in the database as plain
// text, read back exactly, and rotated to a new key after which the old one is
// no longer needed. Plain text written before encryption is encrypted by the rotation.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { checkDataKeys, decryptField, readDataKeys, resetDataKeys, storedKeyId } from "~/lib/field-crypto.server.ts";
import { getIncidentForStaff, reencryptConfidentialFields } from "~/models/incident.server.ts";
import { makeIncident } from "../setup/incidents.ts";

/** The key every row of this file is first written under (rows of earlier tests must stay readable). */
const keyA = randomBytes(32).toString("base64");
const SECRET = {
  witnesses: "Testigo: Ana María Ñúñez (vecina) 🌿",
  contacts: "+52 951 000 1234",
  exactLocation: "17.0732, -96.7266",
  confidentialNotes: "Vive sola; no llamar de noche.",
};

function setKeys(current: string | undefined, previous?: string) {
  if (current) process.env.DATA_KEY = current;
  else delete process.env.DATA_KEY;
  if (previous) process.env.DATA_KEY_PREVIOUS = previous;
  else delete process.env.DATA_KEY_PREVIOUS;
  resetDataKeys();
}

async function rawRow(id: string) {
  return prisma.incidentConfidential.findUniqueOrThrow({ where: { incidentId: id } });
}

afterEach(() => setKeys(undefined));

describe("confidential fields at rest", () => {
  it("are stored as AES-256-GCM envelopes, never as plain text, and read back exactly", async () => {
    setKeys(keyA);
    const id = await makeIncident((v) => Object.assign(v.confidential, SECRET));
    const raw = await rawRow(id);
    for (const [k, plain] of Object.entries(SECRET)) {
      const stored = raw[k as keyof typeof SECRET]!;
      expect(stored).toMatch(/^enc:v1:[0-9a-f]{8}:/);
      expect(stored).not.toContain(plain);
      expect(stored).not.toContain(plain.slice(0, 6));
    }
    const read = await getIncidentForStaff(id);
    expect(read!.confidential).toMatchObject(SECRET);
  });

  it("rotation re-encrypts every row under the new key; the old key is then not needed, and plain text rows are encrypted too", async () => {
    const keyB = randomBytes(32).toString("base64");
    setKeys(keyA);
    const id = await makeIncident((v) => Object.assign(v.confidential, SECRET));
    const legacy = await makeIncident();
    await prisma.incidentConfidential.update({ where: { incidentId: legacy }, data: { witnesses: "Texto plano de antes", contacts: null } });

    setKeys(keyB, keyA);
    const idA = readDataKeys({ DATA_KEY: keyA }).current.id;
    const idB = readDataKeys({ DATA_KEY: keyB }).current.id;
    expect(storedKeyId((await rawRow(id)).witnesses)).toBe(idA);
    const { rewritten } = await reencryptConfidentialFields();
    expect(rewritten).toBeGreaterThanOrEqual(2);
    for (const row of await prisma.incidentConfidential.findMany()) {
      for (const v of [row.witnesses, row.contacts, row.exactLocation, row.confidentialNotes]) if (v !== null) expect(storedKeyId(v)).toBe(idB);
    }
    expect((await rawRow(legacy)).witnesses).not.toContain("Texto plano");

    // Without the previous key, everything still reads.
    setKeys(keyB);
    expect((await getIncidentForStaff(id))!.confidential).toMatchObject(SECRET);
    expect((await getIncidentForStaff(legacy))!.confidential.witnesses).toBe("Texto plano de antes");
    // And the old key alone cannot read the new envelopes.
    const stored = (await rawRow(id)).witnesses;
    expect(() => decryptField(stored, readDataKeys({ DATA_KEY: keyA }))).toThrow(/neither DATA_KEY nor DATA_KEY_PREVIOUS/);
    expect((await reencryptConfidentialFields()).rewritten).toBe(0);
  });

  it("production refuses to run without a DATA_KEY of its own, and refuses a key that is not 32 bytes", () => {
    expect(() => checkDataKeys({ NODE_ENV: "production" })).toThrow(/DATA_KEY is not set/);
    expect(readDataKeys({ NODE_ENV: "production" }).usingDevKey).toBe(true);
    expect(checkDataKeys({ NODE_ENV: "production", DATA_KEY: keyA }).usingDevKey).toBe(false);
    expect(() => readDataKeys({ DATA_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
    expect(readDataKeys({}).usingDevKey).toBe(true);
  });
});
