import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AuditPage } from "../contract/auth.js";
import type { ApiErrorBody } from "../contract/errors.js";
import type {
  Preset,
  PresetList,
  RecentParameters,
} from "../contract/presets.js";
import { insertRuns } from "../testing/history-rows.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { MAX_PARAMETERS_BYTES: "1024" } });
});

afterAll(async () => {
  await server.close();
});

function send(method: string, path: string, body: unknown) {
  return server.request(path, {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function createPreset(name: string, workflow = "Refresh") {
  const response = await send("POST", "/api/presets", {
    workflow_name: workflow,
    name,
    workflow_parameters: { month: "2025-01" },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Preset;
}

async function errorOf(response: Response) {
  return ((await response.json()) as ApiErrorBody).error;
}

describe("presets", () => {
  it("creates and lists presets by workflow", async () => {
    const created = await createPreset("  Month end ", "Presets A");
    await createPreset("another", "Presets A");
    await createPreset("Month end", "Presets B");

    const response = await server.request(
      "/api/presets?workflow_name=Presets%20A",
    );
    const { presets } = (await response.json()) as PresetList;

    expect(created.name).toBe("Month end");
    expect(created.id).toMatch(/^preset_/);
    expect(created.workflow_parameters).toEqual({ month: "2025-01" });
    expect(presets.map((preset) => preset.name)).toEqual([
      "another",
      "Month end",
    ]);
  });

  it("rejects a name taken ignoring case", async () => {
    await createPreset("Ünïcode name", "Clash");
    const response = await send("POST", "/api/presets", {
      workflow_name: "Clash",
      name: "üNÏCODE NAME",
      workflow_parameters: {},
    });
    const error = await errorOf(response);

    expect(response.status).toBe(409);
    expect(error.code).toBe("preset_name_taken");
    expect(error.message).toContain('"Ünïcode name"');
    expect(error.fields?.name).toHaveLength(1);
  });

  it.each([
    ["two spaces", "Weekly  report"],
    ["a tab", "Weekly\treport"],
    ["a line break", "Weekly\nreport"],
  ])("rejects a name with %s", async (_case, name) => {
    const response = await send("POST", "/api/presets", {
      workflow_name: "Spacing",
      name,
      workflow_parameters: {},
    });
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.name?.[0]).toContain("single spaces");
  });

  it("rejects a change made against an older read", async () => {
    const preset = await createPreset("Shared", "Conflict");
    const first = await send("PATCH", `/api/presets/${preset.id}`, {
      workflow_parameters: { by: "first" },
      expected_updated_at: preset.updated_at,
    });
    const second = await send("PATCH", `/api/presets/${preset.id}`, {
      workflow_parameters: { by: "second" },
      expected_updated_at: preset.updated_at,
    });
    const error = await errorOf(second);
    const { presets } = (await (
      await server.request("/api/presets?workflow_name=Conflict")
    ).json()) as PresetList;

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(error.code).toBe("preset_changed");
    expect(error.message).toContain('"Shared"');
    expect(presets[0]?.workflow_parameters).toEqual({ by: "first" });
  });

  it("records changes in the audit trail", async () => {
    const preset = await createPreset("Audited", "Audit trail");
    await send("PATCH", `/api/presets/${preset.id}`, { name: "Audited 2" });
    await send("DELETE", `/api/presets/${preset.id}`, "");
    const { events } = (await (
      await server.request("/api/admin/audit?limit=200")
    ).json()) as AuditPage;
    const ours = events.filter(
      (event) => event.detail?.preset_id === preset.id,
    );

    expect(ours.map((event) => event.kind)).toEqual([
      "preset_deleted",
      "preset_changed",
      "preset_created",
    ]);
    expect(ours[0]?.detail).toMatchObject({ name: "Audited 2" });
    expect(ours[1]?.detail).toMatchObject({ changed: ["name"] });
    expect(ours[2]?.actor_email).not.toBeNull();
  });

  it("renames and updates parameters", async () => {
    const preset = await createPreset("Old", "Patch");
    const response = await send("PATCH", `/api/presets/${preset.id}`, {
      name: "New",
      workflow_parameters: { month: "2025-02", big: "12345678901234567890" },
    });
    const updated = (await response.json()) as Preset;

    expect(response.status).toBe(200);
    expect(updated.name).toBe("New");
    expect(updated.workflow_parameters).toEqual({
      month: "2025-02",
      big: "12345678901234567890",
    });
    expect(updated.updated_at >= preset.updated_at).toBe(true);
  });

  it("renames to its own name in other case", async () => {
    const preset = await createPreset("daily", "Recase");
    const response = await send("PATCH", `/api/presets/${preset.id}`, {
      name: "Daily",
    });

    expect(response.status).toBe(200);
    expect(((await response.json()) as Preset).name).toBe("Daily");
  });

  it("rejects a rename onto another preset", async () => {
    await createPreset("Taken", "Rename");
    const preset = await createPreset("Free", "Rename");
    const response = await send("PATCH", `/api/presets/${preset.id}`, {
      name: "TAKEN",
    });

    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("preset_name_taken");
  });

  it("deletes a preset once", async () => {
    const preset = await createPreset("Gone", "Delete");
    const first = await server.request(`/api/presets/${preset.id}`, {
      method: "DELETE",
    });
    const second = await server.request(`/api/presets/${preset.id}`, {
      method: "DELETE",
    });

    expect(first.status).toBe(204);
    expect(second.status).toBe(404);
    expect((await errorOf(second)).message).toContain(preset.id);
  });

  it("returns 404 for a missing preset on PATCH", async () => {
    const response = await send("PATCH", "/api/presets/preset_missing", {
      name: "x",
    });
    expect(response.status).toBe(404);
  });

  it.each([
    [{ workflow_name: "W", name: "", workflow_parameters: {} }, "name"],
    [
      { workflow_name: "W", name: "x".repeat(81), workflow_parameters: {} },
      "name",
    ],
    [
      { workflow_name: "", name: "a", workflow_parameters: {} },
      "workflow_name",
    ],
    [
      { workflow_name: "W", name: "a", workflow_parameters: [] },
      "workflow_parameters",
    ],
    [{ workflow_name: "W", name: "a", workflow_parameters: {}, x: 1 }, "x"],
    [
      '{"workflow_name":"W","name":"a","workflow_parameters":{"n":12345678901234567890}}',
      "workflow_parameters.n",
    ],
  ])("rejects invalid create %#", async (body, field) => {
    const response = await send("POST", "/api/presets", body);
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });

  it("rejects an empty PATCH and oversized parameters", async () => {
    const preset = await createPreset("Limits", "Limits");
    const empty = await send("PATCH", `/api/presets/${preset.id}`, {});
    const large = await send("PATCH", `/api/presets/${preset.id}`, {
      workflow_parameters: { text: "x".repeat(2000) },
    });

    expect(empty.status).toBe(400);
    expect(Object.keys((await errorOf(empty)).fields ?? {})).toEqual([
      "request",
    ]);
    expect(large.status).toBe(413);
  });

  it("requires workflow_name to list", async () => {
    const response = await server.request("/api/presets");
    expect(response.status).toBe(400);
    expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual([
      "workflow_name",
    ]);
  });
});

describe("GET /api/workflows/:name/recent-parameters", () => {
  it("lists the last 5 distinct sets, newest first", async () => {
    const texts = [
      '{"a":1}',
      '{"a":2}',
      '{"a":1}',
      '{"b":1}',
      '{"c":1}',
      '{"d":1}',
      '{"e":1}',
      '{"a":1}',
    ];
    insertRuns(
      server.sqlite,
      texts.map((text, index) => ({
        id: `run_recent_${index}`,
        created_at: `2025-03-01T10:0${index}:00.000Z`,
        end_user_heron_id: "eus_recent",
        end_user_name: null,
        workflow_name: "Recent wf",
        workflow_parameters: text,
        outcome: index === 7 ? "rejected" : "started",
        duration_ms: null,
        workflow_execution_id: null,
      })),
    );
    insertRuns(server.sqlite, [
      {
        id: "run_recent_other",
        created_at: "2025-03-02T10:00:00.000Z",
        end_user_heron_id: "eus_recent",
        end_user_name: null,
        workflow_name: "Other wf",
        workflow_parameters: '{"z":1}',
        outcome: "started",
        duration_ms: null,
        workflow_execution_id: null,
      },
    ]);

    const response = await server.request(
      "/api/workflows/Recent%20wf/recent-parameters",
    );
    const { parameter_sets } = (await response.json()) as RecentParameters;

    expect(response.status).toBe(200);
    expect(parameter_sets.map((set) => set.workflow_parameters)).toEqual([
      { a: 1 },
      { e: 1 },
      { d: 1 },
      { c: 1 },
      { b: 1 },
    ]);
    expect(parameter_sets[0]).toMatchObject({
      last_used_at: "2025-03-01T10:07:00.000Z",
      last_run_id: "run_recent_7",
      last_outcome: "rejected",
    });
  });

  it("returns an empty list for an unused workflow", async () => {
    const response = await server.request(
      "/api/workflows/Never%20run/recent-parameters",
    );
    expect(await response.json()).toEqual({ parameter_sets: [] });
  });
});
