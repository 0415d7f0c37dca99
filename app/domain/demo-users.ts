// The demo accounts of a development database, one per role (README "Demo logins").
// Their passwords are public, so a production deployment refuses to start while
// one of them is active and never lets one sign in (decision 090).
export const DEMO_USERS = [
  { email: "viewer@vigia.test", name: "Demo viewer", role: "viewer", password: "vigia-viewer-demo" },
  { email: "staff@vigia.test", name: "Demo staff", role: "staff", password: "vigia-staff-demo" },
  { email: "admin@vigia.test", name: "Demo admin", role: "admin", password: "vigia-admin-demo" },
] as const;

export const DEMO_EMAILS: readonly string[] = DEMO_USERS.map((u) => u.email);

/** True for a demo account's address, however it was typed. */
export function isDemoEmail(email: string): boolean {
  return DEMO_EMAILS.includes(email.trim().toLowerCase());
}
