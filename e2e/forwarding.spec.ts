import { E2E_HERON_TIMEOUT_MS } from "./environment";
import { expect, lookUpEndUser, test, type SandboxRequest } from "./fixtures";

// A server that parses the JSON body before forwarding it can stall the
// forwarded request, because the stream it forwards was already read, or can
// change non-ASCII text on the way. These specs check the bytes that reach
// the sandbox.

function bodyBytes(request: SandboxRequest): Buffer {
  return Buffer.from(request.body_base64, "base64");
}

test("start is forwarded without stalling", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const user = await lookUpEndUser(page.request, "İstanbul Tekstil A.Ş.");
  // Several kilobytes, so that a body cut short or never sent makes the
  // sandbox wait and the start time out.
  const parameters = {
    note: "forwarding check ".repeat(200),
    lines: Array.from({ length: 40 }, (_, index) => ({
      line: index,
      amount: index * 10,
    })),
  };

  await app.fillForm({
    endUserSearch: "İstanbul",
    endUserOption: /İstanbul Tekstil/,
    workflow: /Process end user/,
    parameters: JSON.stringify(parameters),
  });
  await app.openReview();

  const clickedAt = Date.now();
  await app.confirmStart();
  await expect(app.result("Workflow started")).toBeVisible();
  // A stalled body would end in the console's Heron timeout instead.
  expect(Date.now() - clickedAt).toBeLessThan(E2E_HERON_TIMEOUT_MS);

  const starts = await sandbox.requests("start_by_name");
  expect(starts).toHaveLength(1);
  const [start] = starts as [SandboxRequest];
  const body = bodyBytes(start);
  expect(start.headers["content-length"]).toBe(String(body.length));
  expect(JSON.parse(body.toString("utf8"))).toEqual({
    end_user_heron_id: user.heron_id,
    workflow_name: "Standard processing",
    workflow_parameters: parameters,
  });
});

test("Unicode parameters arrive byte-identical", async ({
  consolePage: app,
  sandbox,
}) => {
  const parametersText = '{"name":"Zoë 🎉 日本"}';

  await app.start({
    endUserSearch: "東京",
    endUserOption: /東京商事株式会社/,
    workflow: /Process end user/,
    parameters: parametersText,
  });
  await expect(app.result("Workflow started")).toBeVisible();

  const starts = await sandbox.requests("start_by_name");
  expect(starts).toHaveLength(1);
  const [start] = starts as [SandboxRequest];
  const body = bodyBytes(start);
  expect(start.headers["content-length"]).toBe(String(body.length));

  const marker = Buffer.from('"workflow_parameters":', "utf8");
  const expected = Buffer.from(parametersText, "utf8");
  const from = body.indexOf(marker);
  expect(from, "the body has a workflow_parameters member").not.toBe(-1);
  const sent = body.subarray(
    from + marker.length,
    from + marker.length + expected.length,
  );
  expect(sent.toString("hex")).toBe(expected.toString("hex"));
});
