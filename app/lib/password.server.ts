// Password hashing with argon2id (@node-rs/argon2 ships its Linux binary in an npm
// package, so it installs offline). Parameters are the library's OWASP-aligned defaults.
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
