import { E2E_HERON_TIMEOUT_MS } from "./environment";
import { expect, test, type Fault } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

interface FaultCase {
  title: string;
  fault: Fault;
  /** The outcome word the history shows. */
  outcome: "Started" | "Failed" | "Unknown";
  /** The result panel's title. */
  resultTitle: string;
  endUserSearch: string;
  endUserName: string;
  screenshot: string;
}

const CASES: FaultCase[] = [
  {
    title: "closed connection is Unknown",
    fault: { operation: "start_by_name", closeAfterRead: true },
    outcome: "Unknown",
    resultTitle: "Heron failed or could not be reached",
    endUserSearch: "北京",
    endUserName: "北京科技有限公司",
    screenshot: "fault-connection-closed",
  },
  {
    title: "HTML 502 is Failed",
    fault: {
      operation: "start_by_name",
      respond: { status: 502, format: "html" },
    },
    outcome: "Failed",
    resultTitle: "Heron failed or could not be reached",
    endUserSearch: "서울",
    endUserName: "서울 무역 주식회사",
    screenshot: "fault-html-502",
  },
  {
    title: "malformed JSON 200 is Unknown",
    fault: { operation: "start_by_name", malformedJson: true },
    outcome: "Unknown",
    resultTitle: "Heron's response could not be read",
    endUserSearch: "Email Id",
    endUserName: "Email Id Ventures",
    screenshot: "fault-malformed-json",
  },
  {
    title: "latency under the timeout is Started",
    fault: {
      operation: "start_by_name",
      latencyMs: E2E_HERON_TIMEOUT_MS - 500,
    },
    outcome: "Started",
    resultTitle: "Workflow started",
    endUserSearch: "Spaced",
    endUserName: "Spaced Id Partners",
    screenshot: "fault-latency-under-timeout",
  },
];

for (const faultCase of CASES) {
  test(faultCase.title, async ({ consolePage: app, page, sandbox }) => {
    await sandbox.setFault(faultCase.fault);

    await app.start({
      endUserSearch: faultCase.endUserSearch,
      endUserOption: faultCase.endUserName,
      workflow: /Process end user/,
    });

    await expect(app.result(faultCase.resultTitle)).toBeVisible();
    const row = app.historyRows(faultCase.endUserName);
    await expect(row).toHaveCount(1);
    await expect(app.outcomeOf(row, faultCase.outcome)).toBeVisible();
    await saveStateScreenshot(page, faultCase.screenshot);

    expect(await sandbox.requests("start_by_name")).toHaveLength(1);
  });
}
