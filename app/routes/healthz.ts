import { databaseKind, prisma } from "~/lib/db.server.ts";

/** Liveness and readiness: the app answers and its database does too. */
export async function loader() {
  const kind = databaseKind();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", database: kind, message: "The database does not answer." },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
