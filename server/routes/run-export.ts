import { Router, type Response } from "express";

import { RunExportQuerySchema } from "../contract/history.js";
import {
  EXPORT_HEADER,
  exportFileName,
  exportRecord,
} from "../history/export-rows.js";
import { parseInput } from "../http/parse-input.js";
import { readRuns } from "../runs/database-errors.js";
import type { RunStore } from "../store/run-store.js";

// Records are gathered into chunks of about this many characters, so a large
// export makes a few thousand writes rather than one per run.
const CHUNK_CHARS = 64 * 1024;

/**
 * Creates GET /api/runs/export.csv: every run matching the history's filters,
 * in its sort order, streamed from the database as CSV.
 */
export function runExportRoutes(store: RunStore): Router {
  const router = Router();

  router.get("/api/runs/export.csv", async (req, res) => {
    const query = parseInput(RunExportQuerySchema, req.query, "export query");
    const rows = store.streamRunExport(query);
    // The first row is read before any header is sent, so a database that
    // cannot be read still gets its JSON error response.
    const first = await readRuns(() => rows.next());

    res.status(200);
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader(
      "content-disposition",
      `attachment; filename="${exportFileName(new Date())}"`,
    );

    let chunk = EXPORT_HEADER;
    try {
      if (!first.done) chunk += exportRecord(first.value);
      for await (const row of rows) {
        chunk += exportRecord(row);
        if (chunk.length < CHUNK_CHARS) continue;
        if (!(await write(res, chunk))) return;
        chunk = "";
      }
      if (!(await write(res, chunk))) return;
      res.end();
    } catch (error) {
      // The status line is sent, so the only honest signal left is a cut
      // connection: the download fails rather than looking complete.
      req.log.error({ err: error }, "run export failed while streaming");
      res.destroy();
    } finally {
      await rows.return?.();
    }
  });

  return router;
}

/**
 * Writes a chunk and waits for 'drain' when the socket's buffer is full.
 * Returns false when the client went away, so the export stops reading.
 */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;

  return new Promise((resolve) => {
    const finish = (drained: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(drained);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}
