import { RUN_EXPORT_COLUMNS } from "../server/contract/history";
import type { Run } from "../server/contract/runs";
import { ConsolePage } from "./console-page";
import { expect, lookUpEndUser, postRun, test } from "./fixtures";
import { csvObjects, parseCsv } from "./parse-csv";

test("CSV parser reads RFC 4180 fields", () => {
  const text = 'a,"b,c","d ""e""","f\r\ng",\r\n"",x\r\n';

  expect(parseCsv(text)).toEqual([
    ["a", "b,c", 'd "e"', "f\r\ng", ""],
    ["", "x"],
  ]);
  expect(() => parseCsv('a,b"c\r\n')).toThrow(/quote inside an unquoted/);
  expect(() => parseCsv('"open\r\n')).toThrow(/never closes/);
});

test("CSV export is correct cell by cell", async ({ page }) => {
  const name = '=HYPERLINK("http://x","y")';
  const user = await lookUpEndUser(page.request, name);
  const parameters = { a: "x,y", n: "l1\nl2" };

  const runs: Run[] = [];
  await test.step("record two runs for the formula name", async () => {
    for (const [workflow, workflowParameters] of [
      ["Standard processing", parameters],
      ["Refresh credit bureau", {}],
    ] as const) {
      const response = await postRun(page.request, {
        end_user_heron_id: user.heron_id,
        workflow_name: workflow,
        workflow_parameters: workflowParameters,
      });
      expect(response.status(), `starting ${workflow}`).toBe(201);
      runs.push((await response.json()) as Run);
    }
  });

  const app = new ConsolePage(page);
  let href = "";
  await test.step("filter the history to the end user", async () => {
    await app.goto();
    await app.applyHistoryFilters({ endUserHeronId: user.heron_id });
    await expect(app.allHistoryRows()).toHaveCount(2);
    await expect(app.exportCsvLink).toHaveAttribute(
      "href",
      `/api/runs/export.csv?end_user_heron_id=${user.heron_id}`,
    );
    href = (await app.exportCsvLink.getAttribute("href")) ?? "";
  });

  const response = await page.request.get(href);
  const text = await response.text();

  await test.step("the response is a CSV download", () => {
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="heron-runs-\d{8}T\d{6}Z\.csv"$/,
    );
    expect(text.endsWith("\r\n")).toBe(true);
    // The formula is quoted, its quotes doubled, after the single quote.
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  const { header, rows } = csvObjects(parseCsv(text));

  await test.step("header and one record per run", () => {
    expect(header).toEqual([...RUN_EXPORT_COLUMNS]);
    expect(rows.map((row) => row.id).sort()).toEqual(
      runs.map((run) => run.id).sort(),
    );
  });

  for (const run of runs) {
    await test.step(`cells of the ${run.workflow_name} run`, () => {
      const row = rows.find((candidate) => candidate.id === run.id);
      expect(row?.created_at).toBe(run.created_at);
      expect(row?.end_user_name).toBe(`'${name}`);
      expect(row?.end_user_heron_id).toBe(user.heron_id);
      expect(row?.workflow_name).toBe(run.workflow_name);
      expect(row?.outcome).toBe("started");
      expect(row?.http_status).toBe(String(run.http_status));
      expect(row?.workflow_execution_id).toBe(run.workflow_execution_id);
      expect(row?.request_id).toBe(run.request_id);
      expect(row?.error_message).toBe("");
      expect(JSON.parse(row?.workflow_parameters ?? "")).toEqual(
        run.workflow_parameters,
      );
    });
  }

  await test.step("the parameters cell is intact", () => {
    const row = rows.find((candidate) => candidate.id === runs[0]?.id);
    expect(row?.workflow_parameters).toBe(JSON.stringify(parameters));
  });
});
