import { afterEach, describe, expect, it, vi } from "vitest";

import { loadConfig } from "../config.js";
import { signInOverHttp, startTestServer } from "../testing/test-server.js";
import {
  announceFirstAdmin,
  createFirstAdmin,
  FIRST_ADMIN_EMAIL,
} from "./first-admin.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("first admin", () => {
  it("keeps the password out of the log", async () => {
    const server = await startTestServer({ signedIn: false });
    try {
      const config = loadConfig({
        HERON_API_KEY: server.apiKey,
        HERON_BASE_URL: server.sandbox.url,
        DATABASE_PATH: server.databasePath,
      });
      const printed: string[] = [];
      vi.spyOn(console, "log").mockImplementation((text: string) => {
        printed.push(text);
      });

      const created = await createFirstAdmin(
        server.store.accounts,
        config,
        server.url,
      );
      if (!created) throw new Error("No first admin was created");
      announceFirstAdmin(server.logger, created.lines);
      const session = await signInOverHttp(
        server.url,
        FIRST_ADMIN_EMAIL,
        created.password,
      );
      const logLine = server.logs
        .entries()
        .find((entry) => String(entry.msg).startsWith("First start"));

      expect(printed.join("\n")).toContain(`Password: ${created.password}`);
      expect(session.user.role).toBe("admin");
      expect(logLine?.msg).toContain("printed once on standard output");
      expect(server.logs.text()).not.toContain(created.password);
    } finally {
      await server.close();
    }
  });
});
