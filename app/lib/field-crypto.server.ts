// Confidential fields encrypted at rest (decision 102): AES-256-GCM through
// node:crypto, under DATA_KEY (base64 of 32 bytes). Each value is stored as a
// versioned envelope "enc:v1:<key id>:<iv>:<tag>:<ciphertext>" (base64url), so
// that rows under an older key (DATA_KEY_PREVIOUS) still read during a rotation.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { ConfigError } from "./database-url.ts";

const PREFIX = "enc:v1:";
/** Development only: production refuses to start without a DATA_KEY of its own. */
const DEV_KEY = createHash("sha256").update("vigia-development-data-key-never-for-real-cases").digest();

export interface DataKey {
  id: string;
  key: Buffer;
}

function toKey(raw: string, name: string): DataKey {
  const key = Buffer.from(raw.trim(), "base64");
  if (key.length !== 32) throw new ConfigError(`${name} is not 32 bytes in base64: make one with openssl rand -base64 32.`);
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

export interface DataKeys {
  current: DataKey;
  previous: DataKey | null;
  usingDevKey: boolean;
}

/**
 * The start check (scripts/prepare.ts): production refuses to start with the
 * development key, as with the development session secret. At run time the keys
 * are only read, since `npm start` serves in production mode whatever the shell says.
 */
export function checkDataKeys(source: Record<string, string | undefined> = process.env): DataKeys {
  const keys = readDataKeys(source);
  if (keys.usingDevKey && source.NODE_ENV === "production") {
    throw new ConfigError("DATA_KEY is not set: a production deployment needs its own key, for example DATA_KEY=$(openssl rand -base64 32).");
  }
  return keys;
}

export function readDataKeys(source: Record<string, string | undefined> = process.env): DataKeys {
  const raw = source.DATA_KEY?.trim();
  const current = raw ? toKey(raw, "DATA_KEY") : { id: createHash("sha256").update(DEV_KEY).digest("hex").slice(0, 8), key: DEV_KEY };
  const previousRaw = source.DATA_KEY_PREVIOUS?.trim();
  return { current, previous: previousRaw ? toKey(previousRaw, "DATA_KEY_PREVIOUS") : null, usingDevKey: !raw };
}

let cached: DataKeys | undefined;
function keys(): DataKeys {
  cached ??= readDataKeys();
  return cached;
}
/** For tests and the rotation command: forget the keys read so far. */
export function resetDataKeys(): void {
  cached = undefined;
}

const b64 = (b: Buffer) => b.toString("base64url");

export function encryptField(plain: string | null, with_: DataKeys = keys()): string | null {
  if (plain === null) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", with_.current.key, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${with_.current.id}:${b64(iv)}:${b64(cipher.getAuthTag())}:${b64(ct)}`;
}

export const isEncrypted = (stored: string | null): boolean => stored !== null && stored.startsWith(PREFIX);

/** The key id a stored value is under; null for plain text (written before encryption). */
export function storedKeyId(stored: string | null): string | null {
  return isEncrypted(stored) ? stored!.slice(PREFIX.length).split(":")[0] : null;
}

/** The plain value; plain text written before encryption reads as it is. */
export function decryptField(stored: string | null, with_: DataKeys = keys()): string | null {
  if (stored === null || !isEncrypted(stored)) return stored;
  const [id, iv, tag, ct] = stored.slice(PREFIX.length).split(":");
  const key = [with_.current, with_.previous].find((k) => k?.id === id);
  if (!key) throw new ConfigError(`a confidential field is encrypted under key ${id}, which is neither DATA_KEY nor DATA_KEY_PREVIOUS.`);
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a stored value needs rewriting under the current key. */
export const needsRewrite = (stored: string | null, with_: DataKeys = keys()): boolean => stored !== null && storedKeyId(stored) !== with_.current.id;
