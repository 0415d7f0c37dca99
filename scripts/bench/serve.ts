// The built app on the project's own server (scripts/server.ts), as `npm start`
// serves it but without migrating or seeding: the benchmark starts it on a bench
// database that is complete already. Usage: DATABASE_URL=... PORT=... node --import tsx scripts/bench/serve.ts
import { parseDatabaseUrl } from "../../app/lib/database-url.ts";
import { startServer } from "../server.ts";

process.env.NODE_ENV = "production";
await startServer({ port: Number(process.env.PORT), databaseKind: parseDatabaseUrl(process.env.DATABASE_URL).kind });
