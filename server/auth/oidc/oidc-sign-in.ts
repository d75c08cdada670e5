import type { OidcConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { finishSignIn, type VerifiedPerson } from "./finish-sign-in.js";
import { PendingSignIns } from "./pending-sign-ins.js";
import { createProviderConnection } from "./provider-connection.js";
import { startSignIn, type StartedSignIn } from "./start-sign-in.js";

export type { VerifiedPerson } from "./finish-sign-in.js";
export type { StartedSignIn } from "./start-sign-in.js";

/** The console's OpenID Connect relying party: one per app. */
export interface OidcSignIn {
  readonly settings: Readonly<OidcConfig>;
  /** See startSignIn. Throws ProviderUnavailableError. */
  start(binding: string): Promise<StartedSignIn>;
  /** See finishSignIn. Throws SignInRejection. */
  finish(
    query: URLSearchParams,
    binding: string | undefined,
  ): Promise<VerifiedPerson>;
}

export function createOidcSignIn(
  settings: Readonly<OidcConfig>,
  logger: Logger,
): OidcSignIn {
  const connection = createProviderConnection(settings, logger);
  const pending = new PendingSignIns();
  return {
    settings,
    start: (binding) => startSignIn(settings, connection, pending, binding),
    finish: (query, binding) =>
      finishSignIn(settings, connection, pending, query, binding),
  };
}
