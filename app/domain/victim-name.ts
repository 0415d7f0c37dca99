// The privacy rule on a victim's name, defined once for every list, page, export
// and audit event: a name recorded as not for publication is withheld from every
// reader but staff, and the audit log says that it is withheld, never what it is.
// An unknown name (none recorded) is unknown, not withheld.

export interface NamedCase {
  victimName: string | null;
  victimNamePublic: boolean;
}

/** True when a name is recorded and may not be published. */
export function isNameWithheld(row: NamedCase): boolean {
  return row.victimName !== null && !row.victimNamePublic;
}

/** The name a reader may see (null when withheld from them or unknown), and whether it is withheld. */
export function visibleName(row: NamedCase, { staff }: { staff: boolean }): { victimName: string | null; nameWithheld: boolean } {
  const nameWithheld = isNameWithheld(row);
  return { victimName: nameWithheld && !staff ? null : row.victimName, nameWithheld };
}

/** What the audit log may record of the name: the name only when it may be published. */
export function nameForAuditLog(row: NamedCase): string | null {
  return isNameWithheld(row) ? "[withheld]" : row.victimName;
}
