// TOTP (RFC 6238) through otplib, and the QR code of an enrolment through qrcode.
// Codes of 6 digits every 30 s; one step either side is accepted for clock drift.
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads (from the QR code or typed). */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: "Vigía", label: account, secret });
}

/** The QR code of an otpauth address as an SVG document, drawn on the server (no script needed). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The time step of a right code (to refuse the same code twice), or null. */
export async function verifyTotpCode(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const now = Math.floor(Date.now() / 1000);
    const result = await verify({ secret, token: code, epoch: now, epochTolerance: 30 });
    // delta: how many 30-second periods from now the code matched
    return result.valid ? Math.floor(now / 30) + result.delta : null;
  } catch {
    return null;
  }
}
