import type { Preset } from "../server/contract/presets";
import { ConsolePage } from "./console-page";
import { csrfHeaders, expect, test } from "./fixtures";

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

test("saved preset fills the editor", async ({ consolePage: app, page }) => {
  const parameters = { email: "presets@example.com", period: "last_90_days" };
  const parametersText = JSON.stringify(parameters, null, 2);

  await test.step("save the parameters as a preset", async () => {
    await app.chooseWorkflow(/Send report/);
    await app.writeParameters(parametersText);
    await app.savePreset("Quarterly to the presets team");
  });

  const reloaded = new ConsolePage(page);
  await test.step("reload and choose the workflow", async () => {
    await page.reload();
    await expect(reloaded.form).toBeVisible();
    await reloaded.chooseWorkflow(/Send report/);
    await expect(reloaded.parameters).toHaveText("{}");
  });

  await test.step("choosing the preset fills the editor", async () => {
    await reloaded.choosePreset("Quarterly to the presets team");
    await expect(reloaded.parameters).toHaveText(
      parametersText.replaceAll("\n", ""),
    );
  });
});

test("preset API rejects clashes and unknown ids", async ({ page }) => {
  const { request } = page;
  const workflowName = "notify_slack";
  const missingId = "preset-that-does-not-exist";
  const headers = await csrfHeaders(request);

  const created = await request.post("/api/presets", {
    data: {
      workflow_name: workflowName,
      name: "Ops channel",
      workflow_parameters: { channel: "#ops" },
    },
    headers,
  });
  expect(created.status()).toBe(201);
  const preset = (await created.json()) as Preset;
  expect(created.headers()["location"]).toBe(`/api/presets/${preset.id}`);

  await test.step("the same name in other case is 409", async () => {
    const clash = await request.post("/api/presets", {
      data: {
        workflow_name: workflowName,
        name: "OPS CHANNEL",
        workflow_parameters: {},
      },
      headers,
    });
    expect(clash.status()).toBe(409);
    const body = (await clash.json()) as ErrorBody;
    expect(body.error.code).toBe("preset_name_taken");
    expect(body.error.fields?.name).toHaveLength(1);
  });

  await test.step("a missing preset is 404", async () => {
    const rename = await request.patch(`/api/presets/${missingId}`, {
      data: { name: "Renamed" },
      headers,
    });
    expect(rename.status()).toBe(404);
    expect(((await rename.json()) as ErrorBody).error.code).toBe("not_found");

    const remove = await request.delete(`/api/presets/${missingId}`, {
      headers,
    });
    expect(remove.status()).toBe(404);
    expect(((await remove.json()) as ErrorBody).error.code).toBe("not_found");
  });

  await test.step("a deleted preset is gone", async () => {
    const remove = await request.delete(`/api/presets/${preset.id}`, {
      headers,
    });
    expect(remove.status()).toBe(204);
    const again = await request.delete(`/api/presets/${preset.id}`, {
      headers,
    });
    expect(again.status()).toBe(404);
  });
});
