// The built app on the project's own server (scripts/server.ts), as `npm start`
// serves it but without migrating or seeding: the benchmark starts it on a bench
// database that is complete already, on a port the system chooses, and reads the
// port from the line this prints. Usage: DATABASE_URL=... node --import tsx scripts/bench/serve.ts
import type { AddressInfo } from "node:net";
import { parseDatabaseUrl } from "../../app/lib/database-url.ts";
import { startServer } from "../server.ts";

process.env.NODE_ENV = "production";
const server = await startServer({ port: 0, databaseKind: parseDatabaseUrl(process.env.DATABASE_URL).kind });
console.log(`bench-port=${(server.address() as AddressInfo).port}`);
