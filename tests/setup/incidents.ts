// Case-record fixtures: a complete, valid form post, and cases made through the model.
import { prisma } from "~/lib/db.server.ts";
import { emptyIncidentForm, validateIncident, type IncidentFormValues } from "~/models/incident.schema.ts";
import { createIncident } from "~/models/incident.server.ts";

let counter = 0;

/** Every field of the incident form, filled in validly, as a browser posts it. */
export function validIncidentFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  counter++;
  return {
    intent: "save",
    year: "2025",
    month: "10",
    day: String((counter % 27) + 1),
    victimName: `Defensora ${counter} Pérez`,
    victimNamePublic: "on",
    gender: "female",
    age: "38",
    characteristics: ["indigenous", "small_scale_farmer"],
    sector: "mining_extractives",
    perpetratorType: "private_security",
    outcome: "threat",
    victimCount: "1",
    stateCode: "GRO",
    municipality: `Municipio ${counter}`,
    companyName: "Minera Ejemplo S.A. de C.V.",
    companyCountry: "CA",
    description: "Amenazas tras una asamblea comunitaria.",
    sourceTitle: ["Testimonio directo", "Nota de prensa"],
    sourceUrl: ["", "https://example.org/nota"],
    witnesses: "Testigo confidencial",
    contacts: "+52 000 000 0000",
    exactLocation: "17.55, -99.50",
    confidentialNotes: "Nota reservada",
    ...overrides,
  };
}

/** Form values for the model functions (same defaults as validIncidentFields). */
export function validIncidentValues(change: (v: IncidentFormValues) => void = () => {}): IncidentFormValues {
  counter++;
  const v = emptyIncidentForm();
  v.date = { year: "2025", month: "9", day: String((counter % 27) + 1) };
  v.victimName = `Persona ${counter} López`;
  v.victimNamePublic = true;
  v.gender = "male";
  v.sector = "agribusiness";
  v.perpetratorType = "hitmen";
  v.outcome = "physical_assault";
  v.stateCode = "CHP";
  v.municipality = `Municipio ${counter}`;
  v.sources = [{ url: "https://example.org/a", title: "Nota" }];
  v.confidential.witnesses = "Testigo secreto";
  change(v);
  return v;
}

export async function staffId(): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { email: "staff@vigia.test" } })).id;
}

/**
 * Another staff member, who logs the fixtures' cases: the demo staff and admin
 * accounts may then verify them (a creator may not, docs/decisions/096).
 */
export async function fixtureStaffId(): Promise<string> {
  const email = "fixture-staff@vigia.test";
  const user = await prisma.user.upsert({
    where: { email },
    create: { email, name: "Fixture staff", role: "staff", passwordHash: "!" },
    update: {},
    select: { id: true },
  });
  return user.id;
}

/** A staff-logged case made through the model (audited like any other). */
export async function makeIncident(change?: (v: IncidentFormValues) => void, options: { deleted?: boolean } = {}): Promise<string> {
  const result = validateIncident(validIncidentValues(change));
  if (!result.ok) throw new Error(`Invalid fixture: ${JSON.stringify(result.errors)}`);
  const actor = await fixtureStaffId();
  const { id } = await createIncident(result.data, actor);
  if (options.deleted) await prisma.incident.update({ where: { id }, data: { deletedAt: new Date() } });
  return id;
}
