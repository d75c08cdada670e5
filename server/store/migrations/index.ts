import type { Migration, MigrationProvider } from "kysely";

import * as createRuns from "./0001-create-runs.js";
import * as addOutcomeTracking from "./0002-add-outcome-tracking.js";

// Listed in code rather than read from the folder, so bundlers and tsx see
// every migration. Kysely applies them in the order of their names.
const MIGRATIONS: Record<string, Migration> = {
  "0001-create-runs": createRuns,
  "0002-add-outcome-tracking": addOutcomeTracking,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
