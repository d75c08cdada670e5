import * as client from "openid-client";

import type { OidcConfig } from "../../config.js";
import type { Logger } from "../../logger.js";

// Discovery of the identity provider, done on first use rather than at
// start-up, so a provider that is down never stops the console from
// starting or serving local sign-in.

/** Seconds each request to the provider may take, discovery included. */
const PROVIDER_TIMEOUT_SECONDS = 5;

// After a failed discovery, requests within this time get the same failure
// at once instead of each waiting for the provider again.
const RETRY_AFTER_FAILURE_MS = 5_000;

/** Thrown when the provider's discovery document cannot be loaded. */
export class ProviderUnavailableError extends Error {
  constructor(issuer: string, cause: unknown) {
    super(`The identity provider at ${issuer} could not be reached.`, {
      cause,
    });
    this.name = "ProviderUnavailableError";
  }
}

export interface ProviderConnection {
  /**
   * Returns the client configuration from the provider's discovery
   * document, loading it on first use. Throws ProviderUnavailableError.
   */
  configuration(): Promise<client.Configuration>;
}

export function createProviderConnection(
  settings: Readonly<OidcConfig>,
  logger: Logger,
  now: () => number = Date.now,
): ProviderConnection {
  let loaded: client.Configuration | null = null;
  let loading: Promise<client.Configuration> | null = null;
  let failure: { error: ProviderUnavailableError; at: number } | null = null;

  const discover = async (): Promise<client.Configuration> => {
    try {
      const configuration = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        clientAuthentication(settings),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          execute: settings.allowHttp ? [client.allowInsecureRequests] : [],
        },
      );
      logger.info({ issuer: settings.issuer }, "OIDC provider discovered");
      loaded = configuration;
      failure = null;
      return configuration;
    } catch (error) {
      logger.error(
        { err: error, issuer: settings.issuer },
        "OIDC provider discovery failed",
      );
      failure = {
        error: new ProviderUnavailableError(settings.issuer, error),
        at: now(),
      };
      throw failure.error;
    }
  };

  return {
    configuration() {
      if (loaded) return Promise.resolve(loaded);
      if (failure && now() - failure.at < RETRY_AFTER_FAILURE_MS) {
        return Promise.reject(failure.error);
      }
      // Concurrent first requests share one discovery.
      loading ??= discover().finally(() => {
        loading = null;
      });
      return loading;
    },
  };
}

// client_secret_basic is the method a provider must support when its
// metadata names none. Without a secret the console is a public client and
// PKCE alone protects the code.
function clientAuthentication(settings: Readonly<OidcConfig>) {
  return settings.clientSecret === null
    ? client.None()
    : client.ClientSecretBasic(settings.clientSecret);
}
