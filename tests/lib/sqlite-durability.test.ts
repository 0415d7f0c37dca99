// SQLite durability, file modes and backups (issue 11, decisions 100 and 101):
// a child process writes through the app's own client and acknowledges each
// commit; a backup is taken while it writes; then it is killed with SIGKILL.
// The database must pass its integrity check and hold every acknowledged write;
// the backup must restore to a sound database holding every write acknowledged
// before the backup began.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "~/lib/database-url.ts";
import { createDb } from "~/lib/db.server.ts";
import { migrate } from "~/lib/migrate.server.ts";
import { backupSqlite, checkSqliteFile, dataVersionOf, restoreSqlite } from "~/lib/sqlite-backup.server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "vigia-durability-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

/** Starts the writer; resolves acknowledged numbers as they come. */
function startWriter(file: string) {
  // Node itself with tsx's loader, one process: through tsx's command line the writer would run in a
  // child of the process killed below, and go on writing (and outlive the test run).
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/sqlite-writer.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
  const state = { acked: 0, stderr: "" };
  let buffered = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line) state.acked = Number(line);
  });
  child.stderr.on("data", (chunk: Buffer) => (state.stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => done(signal)));
  const until = async (n: number) => {
    const deadline = Date.now() + 60_000;
    while (state.acked < n) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`writer stopped at ${state.acked}: ${state.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { child, state, until, exited };
}

function rowsIn(file: string): Set<number> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare("SELECT n FROM durability_probe").all() as { n: number }[]).map((r) => r.n));
  } finally {
    db.close();
  }
}

function missing(rows: Set<number>, upTo: number): number[] {
  const gone: number[] = [];
  for (let n = 1; n <= upTo; n++) if (!rows.has(n)) gone.push(n);
  return gone;
}

describe("SQLite on disk", () => {
  it("connections run WAL with synchronous=FULL; the folder is 0700 and the files 0600", async () => {
    const file = join(work, "modes", "data", "vigia.db");
    const target = parseDatabaseUrl(`file:${file}`);
    await migrate(target);
    const db = createDb(target);
    try {
      const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
      const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(Number(sync.synchronous)).toBe(2); // FULL
      expect(journal.journal_mode).toBe("wal");
      await db.$executeRawUnsafe("CREATE TABLE probe (n INTEGER)");
      await db.$executeRawUnsafe("INSERT INTO probe VALUES (1)");
      expect(mode(join(work, "modes", "data"))).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it(
    "kill -9 during a stream of writes loses no acknowledged write; a backup taken meanwhile restores every write acknowledged before it",
    { timeout: 120_000 },
    async () => {
      const file = join(work, "kill", "vigia.db");
      await migrate(parseDatabaseUrl(`file:${file}`));
      const writer = startWriter(file);
      try {
        await writer.until(300);
        const ackedBeforeBackup = writer.state.acked;
        const backup = join(work, "kill", "backup.db");
        await backupSqlite(file, backup);
        await writer.until(ackedBeforeBackup + 300);
        writer.child.kill("SIGKILL");
        expect(await writer.exited).toBe("SIGKILL");
        const acked = writer.state.acked;

        expect(checkSqliteFile(file)).toBe("ok");
        expect(missing(rowsIn(file), acked)).toEqual([]);

        expect(mode(backup)).toBe(0o600);
        const restoredInto = join(work, "restored", "vigia.db");
        expect(await restoreSqlite(backup, restoredInto)).toBeNull();
        expect(checkSqliteFile(restoredInto)).toBe("ok");
        expect(missing(rowsIn(restoredInto), ackedBeforeBackup)).toEqual([]);
        expect(mode(restoredInto)).toBe(0o600);
      } finally {
        writer.child.kill("SIGKILL");
      }
    },
  );

  it("restore refuses a damaged backup, keeps the current database aside, and changes nothing when it refuses", async () => {
    const live = join(work, "restore", "vigia.db");
    await migrate(parseDatabaseUrl(`file:${live}`));
    const db = new Database(live);
    db.exec("CREATE TABLE marker (v TEXT); INSERT INTO marker VALUES ('before')");
    db.close();
    const good = join(work, "restore", "good.db");
    await backupSqlite(live, good);
    const changed = new Database(live);
    changed.exec("UPDATE marker SET v = 'after'");
    changed.close();

    const bad = join(work, "restore", "bad.db");
    writeFileSync(bad, "this is not a database");
    await expect(restoreSqlite(bad, live)).rejects.toThrow(/cannot be restored/);
    const read = (f: string) => {
      const d = new Database(f, { readonly: true });
      try {
        return (d.prepare("SELECT v FROM marker").get() as { v: string }).v;
      } finally {
        d.close();
      }
    };
    expect(read(live)).toBe("after");

    const aside = await restoreSqlite(good, live, new Date("2026-01-31T10:00:00Z"));
    expect(aside).toMatch(/before-restore-2026-01-31T10-00-00-000Z$/);
    expect(read(live)).toBe("before");
    expect(read(aside!)).toBe("after");
    expect(checkSqliteFile(aside!)).toBe("ok");
  });

  it("gives the restored data a data version above the backup's and the replaced database's", async () => {
    const live = join(work, "versions", "vigia.db");
    await migrate(parseDatabaseUrl(`file:${live}`));
    const setVersion = (file: string, version: number) => {
      const d = new Database(file);
      d.prepare(`UPDATE "DataVersion" SET "version" = ? WHERE "id" = 1`).run(version);
      d.close();
    };
    setVersion(live, 40);
    const backup = join(work, "versions", "backup.db");
    await backupSqlite(live, backup);
    expect(dataVersionOf(backup)).toBe(40);
    // Writes after the backup: a running server may hold aggregates kept at versions up to 75.
    setVersion(live, 75);
    await restoreSqlite(backup, live);
    expect(dataVersionOf(live)).toBe(76);
    // A backup from a database that had gone further than the live one.
    setVersion(backup, 120);
    await restoreSqlite(backup, live);
    expect(dataVersionOf(live)).toBe(121);
    expect(checkSqliteFile(live)).toBe("ok");
  });
});
