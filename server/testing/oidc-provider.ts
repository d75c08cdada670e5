import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import Provider, { type Account, type Configuration } from "oidc-provider";

// A real OpenID provider (the oidc-provider package) on loopback, for tests
// of the console's single sign-on. It uses the package's development login
// and consent pages, which accept any password.

export interface TestOidcAccount {
  /** The login typed on the provider's sign-in page, also the `sub` claim. */
  login: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

/** Test accounts by the console role that their groups map to. */
export const TEST_OIDC_ACCOUNTS = {
  admin: {
    login: "ada-admin",
    email: "ada.admin@example.test",
    email_verified: true,
    name: "Ada Admin",
    groups: ["staff", "heron-console-admins", "heron-console-viewers"],
  },
  operator: {
    login: "otto-operator",
    email: "otto.operator@example.test",
    email_verified: true,
    name: "Otto Operator",
    groups: ["staff", "heron-console-operators"],
  },
  viewer: {
    login: "vera-viewer",
    email: "vera.viewer@example.test",
    email_verified: true,
    name: "Vera Viewer",
    groups: ["heron-console-viewers"],
  },
  noGroup: {
    login: "nora-nogroup",
    email: "nora.nogroup@example.test",
    email_verified: true,
    name: "Nora Nogroup",
    groups: ["staff"],
  },
  unverified: {
    login: "uma-unverified",
    email: "uma.unverified@example.test",
    email_verified: false,
    name: "Uma Unverified",
    groups: ["heron-console-operators"],
  },
} as const satisfies Record<string, TestOidcAccount>;

export type TestOidcAccountName = keyof typeof TEST_OIDC_ACCOUNTS;

export interface OidcProviderOptions {
  /** Callback URLs that the provider may send the browser back to. */
  redirectUris: string[];
  /** 0, the default, picks a free port. */
  port?: number;
  /** The client's secret; a random one when absent. */
  clientSecret?: string;
}

export interface TestOidcProvider {
  /** The issuer URL, such as http://127.0.0.1:41234. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const CLIENT_ID = "heron-console";

const accountsByLogin = new Map<string, TestOidcAccount>(
  Object.values(TEST_OIDC_ACCOUNTS).map((account) => [account.login, account]),
);

function findAccount(_context: unknown, login: string): Account | undefined {
  const account = accountsByLogin.get(login);
  if (!account) return undefined;
  return {
    accountId: login,
    claims: () => ({
      sub: account.login,
      email: account.email,
      email_verified: account.email_verified,
      name: account.name,
      groups: [...account.groups],
    }),
  };
}

/**
 * Starts the provider on 127.0.0.1 with one confidential client whose
 * secret is new at every start.
 */
export async function startOidcProvider(
  options: OidcProviderOptions,
): Promise<TestOidcProvider> {
  const clientSecret =
    options.clientSecret ?? randomBytes(24).toString("base64url");
  const server = await listenOnLoopback(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(
    issuer,
    providerConfiguration(options.redirectUris, clientSecret),
  );
  provider.use(blockOutsideRequests);
  server.on("request", provider.callback());

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function providerConfiguration(
  redirectUris: string[],
  clientSecret: string,
): Configuration {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    findAccount,
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    // Signing keys and cookie keys are new at every start, so nothing from
    // one test run is accepted by the next.
    jwks: { keys: [privateKey.export({ format: "jwk" }) as never] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  };
}

// The development pages import a web font from fonts.googleapis.com. This
// policy makes a browser block that import, so a test browser sends nothing
// beyond loopback. Navigation and form posts stay unrestricted because
// default-src does not cover them.
async function blockOutsideRequests(
  context: { set(name: string, value: string): void },
  next: () => Promise<void>,
): Promise<void> {
  await next();
  context.set(
    "content-security-policy",
    "default-src 'self'; style-src 'self' 'unsafe-inline'",
  );
}

function listenOnLoopback(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
