import type { CallContext, HeronClient } from "../heron/client.js";

/** How long a fetched workflow list serves name lookups. */
export const WORKFLOW_IDS_TTL_MS = 60_000;

/**
 * Finds a workflow's heron_id by name from Heron's workflow list. The list
 * is fetched again only after WORKFLOW_IDS_TTL_MS or a failed fetch, and
 * concurrent lookups share one fetch, so a burst of reconciliations costs
 * one rate-limited call.
 */
export class WorkflowIds {
  readonly #heron: HeronClient;
  readonly #now: () => number;
  #cached: { fetchedAt: number; ids: Map<string, string> } | null = null;
  #fetching: Promise<Map<string, string>> | null = null;

  constructor(heron: HeronClient, now: () => number = Date.now) {
    this.#heron = heron;
    this.#now = now;
  }

  /** Returns the heron_id of the workflow named `name`, or null if none. */
  async find(name: string, context: CallContext): Promise<string | null> {
    const ids = await this.#load(context);
    return ids.get(name) ?? null;
  }

  async #load(context: CallContext): Promise<Map<string, string>> {
    const cached = this.#cached;
    if (cached && this.#now() - cached.fetchedAt < WORKFLOW_IDS_TTL_MS) {
      return cached.ids;
    }
    this.#fetching ??= this.#fetch(context).finally(() => {
      this.#fetching = null;
    });
    return this.#fetching;
  }

  async #fetch(context: CallContext): Promise<Map<string, string>> {
    const { body } = await this.#heron.listWorkflows(context);
    const ids = new Map<string, string>();
    for (const workflow of body) {
      if (workflow.name && workflow.heron_id) {
        ids.set(workflow.name, workflow.heron_id);
      }
    }
    this.#cached = { fetchedAt: this.#now(), ids };
    return ids;
  }
}
