import express from "express";
import { createApiRouter } from "./api-router.js";
import { createControlRouter } from "./control-router.js";
import { handleErrors } from "./error-handler.js";
import { recordRequest } from "./record-request.js";
import {
  createSandboxState,
  disposeSandboxState,
  type SandboxState,
} from "./sandbox-state.js";
import type {
  FaultSpec,
  SandboxApp,
  SandboxControl,
  SandboxOptions,
} from "./types.js";

export interface BuiltSandbox extends SandboxApp {
  /** Cancels pending fault delays; call when the server stops. */
  dispose(): void;
}

/** Builds the sandbox's Express app and the control that steers it. */
export function buildSandbox(options: SandboxOptions): BuiltSandbox {
  const state = createSandboxState(options);
  const control = createControl(state);
  const app = express();

  // Express's ETags and 304 responses are off because Heron's contract
  // describes neither.
  app.disable("x-powered-by");
  app.set("etag", false);

  app.use("/__sandbox", createControlRouter(state, control));
  app.use(recordRequest(state));
  app.use(createApiRouter(state));
  app.use(handleErrors(state));

  return { app, control, dispose: () => disposeSandboxState(state) };
}

export function createSandboxApp(options: SandboxOptions): SandboxApp {
  const { app, control } = buildSandbox(options);
  return { app, control };
}

function createControl(state: SandboxState): SandboxControl {
  return {
    setFault: (fault: FaultSpec) => state.faults.set(fault),
    clearFaults: () => state.faults.clear(),
    requests: () => state.recorder.list(),
    clearRequests: () => state.recorder.clear(),
    updateEndUser: (heronId, change) => state.endUsers.update(heronId, change),
    removeEndUser: (heronId) => state.endUsers.remove(heronId),
    reset: () => {
      state.endUsers.reset();
      state.faults.clear();
      state.recorder.clear();
      state.limiter.reset();
      state.executions.clear();
    },
  };
}
