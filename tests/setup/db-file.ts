// Before each test file: its own copy of the template database, named in
// DATABASE_URL before any app module opens a connection.
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "~/lib/db.server.ts";
import { copyTemplate } from "./test-db.ts";

let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const copy = await copyTemplate(inject("templateDatabase"));
  drop = copy.drop;
  process.env.DATABASE_URL = copy.target.url;
  await disconnectDb();
});

afterAll(async () => {
  await disconnectDb();
  await drop?.();
});
