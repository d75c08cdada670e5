import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import type { HeronClient } from "../heron/client.js";
import { seedEndUsers } from "../sandbox/index.js";
import {
  makeTempDir,
  startTestServer,
  type TestServer,
} from "../testing/test-server.js";

const servers: TestServer[] = [];
const tempDirs: { remove: () => void }[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of tempDirs.splice(0)) dir.remove();
});

async function start(
  options: Parameters<typeof startTestServer>[0],
): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** Reads the directory's rows that are not gone, by heron_id. */
function directoryRows(server: TestServer) {
  return server.directorySqlite
    .prepare(
      "SELECT heron_id, name, heron_updated_at FROM directory_end_users " +
        "WHERE gone_at IS NULL ORDER BY heron_id",
    )
    .all() as { heron_id: string; name: string | null }[];
}

function listRequests(server: TestServer) {
  return server.sandbox.control
    .requests()
    .filter((request) => request.operation === "list_end_users")
    .map((request) => new URL(request.url, "http://sandbox.invalid"));
}

/** Calls `afterPage` after each page the console's sync received. */
function afterEachPage(afterPage: (page: number) => void) {
  return (heron: HeronClient): HeronClient => ({
    ...heron,
    listEndUsers: async (query, context) => {
      const result = await heron.listEndUsers(query, context);
      afterPage(query.page ?? 1);
      return result;
    },
  });
}

describe("directory sync", () => {
  it("stores every user once across page boundaries", async () => {
    const server = await start({
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "wait",
    });
    const rows = directoryRows(server);
    const seeded = seedEndUsers();

    expect(rows).toHaveLength(seeded.length);
    expect(new Set(rows.map((row) => row.heron_id)).size).toBe(seeded.length);
    expect(rows.map((row) => row.heron_id)).toEqual(
      seeded.map((user) => user.heron_id).sort(),
    );
  });

  it("keeps every user when users change between pages", async () => {
    const seeded = seedEndUsers();
    // Users on every part of the list, so each change moves one user from
    // a fetched page, from the page being read or from a page not yet read.
    const changing = [0, 60, 119, 180, 239].map((i) => seeded[i]!.heron_id);
    let changes = 0;
    // The sync is off during start-up, so the wrapper first runs after
    // `server` is assigned.
    const server: TestServer = await start({
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "off",
      wrapHeron: afterEachPage(() => {
        const heronId = changing[changes];
        if (heronId === undefined) return;
        changes++;
        server.sandbox.control.updateEndUser(heronId, {
          name: `Changed Between Pages ${changes}`,
        });
      }),
    });

    await server.directory.runNow();
    const rows = directoryRows(server);
    const byId = new Map(rows.map((row) => [row.heron_id, row]));

    expect(changes).toBe(changing.length);
    expect(rows).toHaveLength(seeded.length);
    expect(new Set(rows.map((row) => row.heron_id)).size).toBe(seeded.length);
    for (const [index, heronId] of changing.entries()) {
      expect(byId.get(heronId)?.name).toBe(
        `Changed Between Pages ${index + 1}`,
      );
    }
  });

  it("fetches only changed users on a refresh", async () => {
    const server = await start({
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "wait",
    });
    const user = seedEndUsers()[100]!;
    server.sandbox.control.updateEndUser(user.heron_id, { status: "failed" });

    await server.directory.runNow();
    const pages = listRequests(server).map((url) => url.searchParams);

    expect(pages).toHaveLength(1);
    expect(pages[0]?.get("page")).toBe("1");
    expect(pages[0]?.get("order_by")).toBe("last_updated_desc");
    const status = server.directorySqlite
      .prepare("SELECT status FROM directory_end_users WHERE heron_id = ?")
      .pluck()
      .get(user.heron_id);
    expect(status).toBe("failed");
  });

  it("resumes a full sync after a restart", async () => {
    const dir = makeTempDir();
    tempDirs.push(dir);
    const databasePath = join(dir.path, "console.sqlite");
    const first: TestServer = await start({
      databasePath,
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "off",
      wrapHeron: afterEachPage((page) => {
        // From the third page on, Heron rejects the key, which the sync does
        // not retry, so it stops with two pages stored.
        if (page === 2) {
          first.sandbox.control.setFault({
            operation: "list_end_users",
            respond: { status: 401, format: "envelope" },
          });
        }
      }),
    });
    await first.directory.runNow();

    expect(first.directory.status().state).toBe("failed");
    expect(first.directory.status().complete).toBe(false);
    expect(first.directory.status().count).toBe(100);
    servers.splice(servers.indexOf(first), 1);
    await first.close();

    const second = await start({
      databasePath,
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "off",
    });
    await second.directory.runNow();
    const pages = listRequests(second).map((url) =>
      url.searchParams.get("page"),
    );

    expect(pages[0]).toBe("3");
    expect(pages.slice(0, 3)).toEqual(["3", "4", "5"]);
    expect(second.directory.status().complete).toBe(true);
    expect(directoryRows(second)).toHaveLength(seedEndUsers().length);
  });

  it("stays within the rate limit share", async () => {
    const server = await start({
      env: { DIRECTORY_PAGE_SIZE: "20", DIRECTORY_RATE_SHARE: "0.5" },
      sandbox: {
        rateLimits: { list_end_users: { limit: 6, windowSeconds: 1 } },
      },
      directorySync: "off",
    });

    await server.directory.runNow();
    const rejected = server.logs
      .entries()
      .filter((entry) => entry.operation === "list_end_users")
      .filter((entry) => entry.status === 429);
    const requests = server.sandbox.control
      .requests()
      .filter((request) => request.operation === "list_end_users");

    expect(server.directory.status().complete).toBe(true);
    expect(directoryRows(server)).toHaveLength(seedEndUsers().length);
    // 240 users in pages of 20, then one page for the refresh.
    expect(requests).toHaveLength(13);
    expect(rejected).toEqual([]);
    // At most 3 of each second's 6 requests: the share, never a burst.
    const perSecond = new Map<string, number>();
    for (const request of requests) {
      const second = request.receivedAt.slice(0, 19);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(3);
  }, 30_000);

  it("waits for the reset after a 429", async () => {
    const server = await start({
      env: { DIRECTORY_PAGE_SIZE: "120", DIRECTORY_RATE_SHARE: "1" },
      sandbox: {
        rateLimits: { list_end_users: { limit: 2, windowSeconds: 2 } },
      },
      directorySync: "off",
    });
    // Another system spends the whole window first.
    for (let i = 0; i < 2; i++) {
      await server.heron.listEndUsers(
        { page: 1, limit: 1 },
        { requestId: "other" },
      );
    }

    const started = Date.now();
    await server.directory.runNow();
    const rejected = server.logs
      .entries()
      .filter((entry) => entry.operation === "list_end_users")
      .filter((entry) => entry.status === 429);

    expect(server.directory.status().complete).toBe(true);
    expect(rejected).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  }, 30_000);

  it("finds users that deletions skipped", async () => {
    let deleted: string[] = [];
    // The sync is off during start-up, so the wrapper first runs after
    // `server` is assigned.
    const server: TestServer = await start({
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "off",
      wrapHeron: afterEachPage((page) => {
        if (page !== 2 || deleted.length > 0) return;
        // Deleting the 5 newest users, all on page 1, moves every later user
        // 5 places earlier, so the first 5 users of page 3 move onto page 2.
        deleted = newestHeronIds(5);
        for (const heronId of deleted) {
          server.sandbox.control.removeEndUser(heronId);
        }
      }),
    });

    await server.directory.runNow();
    const pagesBefore = listRequests(server).length;
    // The first full sync saw Heron's total drop, so the next sync is a
    // full one even though an admin asked for it early.
    await server.directory.runNow();
    const followUpPages = listRequests(server)
      .slice(pagesBefore)
      .map((url) => url.searchParams.get("page"));
    const liveIds = seedEndUsers()
      .map((user) => user.heron_id)
      .filter((heronId) => !deleted.includes(heronId))
      .sort();

    expect(deleted).toHaveLength(5);
    expect(followUpPages.slice(0, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(directoryRows(server).map((row) => row.heron_id)).toEqual(liveIds);
    expect(server.directory.status().count).toBe(liveIds.length);
  });

  it("marks users gone that a full sync missed", async () => {
    const dir = makeTempDir();
    tempDirs.push(dir);
    const databasePath = join(dir.path, "console.sqlite");
    const first = await start({
      databasePath,
      env: { DIRECTORY_PAGE_SIZE: "50" },
      directorySync: "wait",
    });
    // The last full sync began two days ago, so the next sync is a full one.
    first.directorySqlite
      .prepare("UPDATE directory_sync_state SET started_at = ?")
      .run(new Date(Date.now() - 48 * 3_600_000).toISOString());
    servers.splice(servers.indexOf(first), 1);
    await first.close();

    const second = await start({
      databasePath,
      env: { DIRECTORY_PAGE_SIZE: "50", DIRECTORY_FULL_SYNC_HOURS: "24" },
      directorySync: "off",
    });
    const removed = seedEndUsers()[30]!;
    second.sandbox.control.removeEndUser(removed.heron_id);
    await second.directory.runNow();
    const pages = listRequests(second).map((url) =>
      url.searchParams.get("page"),
    );
    const rows = directoryRows(second).map((row) => row.heron_id);

    expect(pages.slice(0, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(rows).not.toContain(removed.heron_id);
    expect(rows).toHaveLength(seedEndUsers().length - 1);
    expect(second.directory.status().complete).toBe(true);
  });

  it("runs a full sync on request", async () => {
    const server = await start({
      env: { DIRECTORY_PAGE_SIZE: "50", DIRECTORY_FULL_SYNC_HOURS: "24" },
      directorySync: "wait",
    });
    const removed = seedEndUsers()[30]!;
    server.sandbox.control.removeEndUser(removed.heron_id);
    const before = listRequests(server).length;

    await server.directory.runNow({ full: true });
    await server.directory.whenIdle();
    const pages = listRequests(server)
      .slice(before)
      .map((url) => url.searchParams.get("page"));
    const rows = directoryRows(server).map((row) => row.heron_id);

    expect(pages.slice(0, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(rows).not.toContain(removed.heron_id);
    expect(server.directory.status().count).toBe(seedEndUsers().length - 1);
  });

  it("skips the full sync before it is due", async () => {
    const server = await start({
      env: { DIRECTORY_PAGE_SIZE: "50", DIRECTORY_FULL_SYNC_HOURS: "24" },
      directorySync: "wait",
    });
    const before = listRequests(server).length;

    await server.directory.runNow();
    const pages = listRequests(server)
      .slice(before)
      .map((url) => url.searchParams.get("page"));

    expect(pages).toEqual(["1"]);
  });
});

/** Returns the heron ids of the `count` most recently updated seed users. */
function newestHeronIds(count: number): string[] {
  return [...seedEndUsers()]
    .sort((a, b) => b.last_updated.localeCompare(a.last_updated))
    .slice(0, count)
    .map((user) => user.heron_id);
}
