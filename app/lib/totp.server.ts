// TOTP (RFC 6238) through otplib, and the QR code of an enrolment through qrcode
// (drawn on the server: no script, no outside service). Codes of 6 digits every
// 30 seconds; one step either side is accepted for clock drift. Every function
// takes the time (milliseconds) so that tests control the clock.
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW_STEPS = 1;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads (from the QR code or typed). */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: "Vigía", label: account, secret });
}

/** The QR code of an otpauth address as an SVG data URL, for an <img> with a text alternative. */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The secret in groups of four, easier to read aloud and to type. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** A code as typed: spaces and dashes left out. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export const isTotpCodeShape = (code: string): boolean => /^\d{6}$/.test(code);

/**
 * The time step of a right code, or null. `afterStep` (the last step accepted)
 * refuses that step and every earlier one, so a code is never accepted twice.
 */
export async function verifyTotpCode(secret: string, code: string, now: number, afterStep: number | null = null): Promise<number | null> {
  if (!isTotpCodeShape(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now / 1000),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_WINDOW_STEPS * TOTP_PERIOD_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    // The TOTP strategy answers the step it matched (otplib's result type also covers HOTP, which has none).
    return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
  } catch {
    return null;
  }
}
