import { describe, expect, it } from "vitest";

import { ConfigError, loadConfig } from "./config.js";

const VALID_KEY = `key_${"a1".repeat(24)}`;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("loadConfig accepted an invalid environment");
}

describe("loadConfig", () => {
  it("applies defaults to an empty environment", () => {
    const config = loadConfig({});

    expect(config.heron.apiKey).toBeNull();
    expect(config.heron.baseUrl).toBe("https://app.herondata.io");
    expect(config.heron.timeoutMs).toBe(15_000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.port).toBe(3000);
    expect(config.databasePath).toBe("./data/console.sqlite");
    expect(config.maxParametersBytes).toBe(65_536);
    expect(config.logLevel).toBe("info");
    expect(config.sandbox.port).toBe(0);
    expect(config.sandbox.executionStepMs).toBeNull();
    expect(config.runs.duplicateWindowMinutes).toBe(10);
    expect(config.runs.reconcileDelaysMs).toEqual([3000, 30_000]);
    expect(config.shutdownGraceMs).toBe(10_000);
  });

  it("reads the run settings", () => {
    const config = loadConfig({
      DUPLICATE_WINDOW_MINUTES: "0",
      RECONCILE_DELAYS_MS: "100, 2000,60000",
      SHUTDOWN_GRACE_MS: "2500",
    });

    expect(config.runs.duplicateWindowMinutes).toBe(0);
    expect(config.runs.reconcileDelaysMs).toEqual([100, 2000, 60_000]);
    expect(config.shutdownGraceMs).toBe(2500);
  });

  it("turns the automatic checks off", () => {
    const config = loadConfig({ RECONCILE_DELAYS_MS: "off" });

    expect(config.runs.reconcileDelaysMs).toEqual([]);
  });

  it.each(["3s", "1,,2", "-1", "1,2,3,4,5,6,7,8,9,10,11", "86400001"])(
    "rejects RECONCILE_DELAYS_MS %s",
    (value) => {
      const problems = problemsOf({ RECONCILE_DELAYS_MS: value });

      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain("RECONCILE_DELAYS_MS is");
      expect(problems[0]).toContain("such as 3000,30000");
    },
  );

  it("rejects a duplicate window over a day", () => {
    const problems = problemsOf({ DUPLICATE_WINDOW_MINUTES: "1441" });

    expect(problems[0]).toContain("DUPLICATE_WINDOW_MINUTES is");
  });

  it("reads every variable", () => {
    const config = loadConfig({
      HERON_API_KEY: VALID_KEY,
      HERON_BASE_URL: "http://127.0.0.1:4599/prefix/",
      HOST: "0.0.0.0",
      PORT: "4500",
      DATABASE_PATH: "/tmp/x.sqlite",
      HERON_TIMEOUT_MS: "100",
      MAX_PARAMETERS_BYTES: "1024",
      LOG_LEVEL: "warn",
      SANDBOX_PORT: "4501",
      SANDBOX_EXECUTION_STEP_MS: "50",
    });

    expect(config.heron.apiKey).toBe(VALID_KEY);
    expect(config.heron.baseUrl).toBe("http://127.0.0.1:4599/prefix");
    expect(config.heron.timeoutMs).toBe(100);
    expect(config.host).toBe("0.0.0.0");
    expect(config.port).toBe(4500);
    expect(config.databasePath).toBe("/tmp/x.sqlite");
    expect(config.maxParametersBytes).toBe(1024);
    expect(config.logLevel).toBe("warn");
    expect(config.sandbox.port).toBe(4501);
    expect(config.sandbox.executionStepMs).toBe(50);
  });

  it("treats blank variables as unset", () => {
    const config = loadConfig({ HERON_API_KEY: "", PORT: "  " });

    expect(config.heron.apiKey).toBeNull();
    expect(config.port).toBe(3000);
  });

  it("returns a deeply frozen object", () => {
    const config = loadConfig({});

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.heron)).toBe(true);
    expect(Object.isFrozen(config.sandbox)).toBe(true);
  });

  it("lists every invalid variable in one error", () => {
    const problems = problemsOf({
      HERON_API_KEY: "sk_live_123",
      HERON_BASE_URL: "ftp://example.com",
      PORT: "70000",
      HERON_TIMEOUT_MS: "50",
      MAX_PARAMETERS_BYTES: "lots",
      LOG_LEVEL: "verbose",
      SANDBOX_PORT: "-1",
      SANDBOX_EXECUTION_STEP_MS: "1.5",
    });

    const names = problems.map((problem) => problem.split(" ")[0]);
    expect(names.sort()).toEqual(
      [
        "HERON_API_KEY",
        "HERON_BASE_URL",
        "HERON_TIMEOUT_MS",
        "LOG_LEVEL",
        "MAX_PARAMETERS_BYTES",
        "PORT",
        "SANDBOX_EXECUTION_STEP_MS",
        "SANDBOX_PORT",
      ].sort(),
    );
  });

  it("names the value and what is expected", () => {
    const [problem] = problemsOf({ HERON_TIMEOUT_MS: "50" });

    expect(problem).toBe(
      'HERON_TIMEOUT_MS is "50": expected a whole number of milliseconds ' +
        "from 100 to 120000.",
    );
  });

  it("never shows the API key's value", () => {
    const secret = "key_not-really-hex-but-secret";
    const [problem] = problemsOf({ HERON_API_KEY: secret });

    expect(problem).not.toContain(secret);
    expect(problem).toContain("HERON_API_KEY");
    expect(problem).toContain("48 hexadecimal characters");
  });

  it.each([
    ["uppercase hex", `key_${"AB".repeat(24)}`, true],
    ["47 hex characters", `key_${"a".repeat(47)}`, false],
    ["49 hex characters", `key_${"a".repeat(49)}`, false],
    ["wrong prefix", `kay_${"a".repeat(48)}`, false],
  ])("checks the key format: %s", (_name, key, valid) => {
    if (valid)
      expect(loadConfig({ HERON_API_KEY: key }).heron.apiKey).toBe(key);
    else expect(() => loadConfig({ HERON_API_KEY: key })).toThrow(ConfigError);
  });

  it.each([
    "not a url",
    "https://user:pass@app.herondata.io",
    "https://app.herondata.io/?debug=1",
    "https://app.herondata.io/#top",
  ])("rejects the base URL %s", (url) => {
    expect(problemsOf({ HERON_BASE_URL: url })[0]).toContain("HERON_BASE_URL");
  });
});

describe("loadConfig sign-in settings", () => {
  it("applies the sign-in defaults", () => {
    const config = loadConfig({});

    expect(config.auth).toEqual({
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
      trustProxy: false,
      signInFailuresPerAccount: 5,
      signInFailuresPerAddress: 20,
      signInLockMinutes: 15,
    });
    expect(config.runs.requireReason).toBe(false);
    expect(config.runs.startRateLimitPerSecond).toBe(3);
    expect(config.oidc).toBeNull();
  });

  it.each([
    ["true", true],
    ["false", false],
    ["2", 2],
    ["loopback, 10.0.0.0/8", ["loopback", "10.0.0.0/8"]],
  ])("reads TRUST_PROXY=%s", (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).auth.trustProxy).toEqual(
      expected,
    );
  });

  it.each(["yes", "10.0.0.0/8/1", "proxy.example"])(
    "rejects TRUST_PROXY=%s",
    (value) => {
      expect(problemsOf({ TRUST_PROXY: value })[0]).toContain("TRUST_PROXY is");
    },
  );

  it("rejects REQUIRE_RUN_REASON other than true or false", () => {
    expect(problemsOf({ REQUIRE_RUN_REASON: "yes" })[0]).toBe(
      'REQUIRE_RUN_REASON is "yes": expected true or false.',
    );
  });

  it("reads the OIDC settings with defaults", () => {
    const config = loadConfig({
      PORT: "3100",
      OIDC_ISSUER: "https://idp.example.test/realms/staff",
      OIDC_CLIENT_ID: "heron-console",
      OIDC_CLIENT_SECRET: "s3cret",
    });

    expect(config.oidc).toEqual({
      issuer: "https://idp.example.test/realms/staff",
      clientId: "heron-console",
      clientSecret: "s3cret",
      redirectUrl: "http://127.0.0.1:3100/api/auth/oidc/callback",
      label: "Single sign-on",
      roleClaim: "groups",
      roleMap: {
        "heron-console-admins": "admin",
        "heron-console-operators": "operator",
        "heron-console-viewers": "viewer",
      },
      allowHttp: false,
    });
  });

  it("needs both issuer and client id", () => {
    const [problem] = problemsOf({ OIDC_ISSUER: "https://idp.example.test" });

    expect(problem).toContain("OIDC_CLIENT_ID is not set");
  });

  it("rejects an http issuer unless allowed", () => {
    const env = {
      OIDC_ISSUER: "http://127.0.0.1:9000",
      OIDC_CLIENT_ID: "console",
    };

    expect(problemsOf(env)[0]).toContain("expected an https:// URL");
    expect(loadConfig({ ...env, OIDC_ALLOW_HTTP: "true" }).oidc?.issuer).toBe(
      "http://127.0.0.1:9000",
    );
  });

  it("rejects a role map with an unknown role", () => {
    const [problem] = problemsOf({ OIDC_ROLE_MAP: "staff=boss" });

    expect(problem).toContain("OIDC_ROLE_MAP is");
    expect(problem).toContain("group=role pairs");
  });

  it("never shows the client secret", () => {
    const secret = "s".repeat(1001);
    const [problem] = problemsOf({ OIDC_CLIENT_SECRET: secret });

    expect(problem).toBe(
      "OIDC_CLIENT_SECRET is (1001 characters, not shown): expected at " +
        "most 1000 characters.",
    );
  });
});
