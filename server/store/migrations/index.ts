import type { Migration, MigrationProvider } from "kysely";

import * as createRuns from "./0001-create-runs.js";
import * as addOutcomeTracking from "./0002-add-outcome-tracking.js";
import * as addHistoryIndexes from "./0003-add-history-indexes.js";
import * as createPresets from "./0004-create-presets.js";
import * as createAccounts from "./0005-create-accounts.js";
import * as createEndUserDirectory from "./0006-create-end-user-directory.js";
import * as addAuditIndexes from "./0007-add-audit-indexes.js";

// Listed in code rather than read from the folder, so bundlers and tsx see
// every migration. Kysely applies them in the order of their names.
const MIGRATIONS: Record<string, Migration> = {
  "0001-create-runs": createRuns,
  "0002-add-outcome-tracking": addOutcomeTracking,
  "0003-add-history-indexes": addHistoryIndexes,
  "0004-create-presets": createPresets,
  "0005-create-accounts": createAccounts,
  "0006-create-end-user-directory": createEndUserDirectory,
  "0007-add-audit-indexes": addAuditIndexes,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
