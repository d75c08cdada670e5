import { startOidcProvider } from "./oidc-provider.js";

// Runs the test OpenID provider as its own process, for the end-to-end
// suite's global setup. It reads these environment variables:
//   OIDC_PROVIDER_PORT           port on 127.0.0.1 (0 or unset: any free one)
//   OIDC_PROVIDER_REDIRECT_URIS  comma-separated callback URLs of the client
//   OIDC_PROVIDER_CLIENT_SECRET  the client's secret (unset: a random one)
// When ready it prints one JSON line with issuer and client_id, and also
// client_secret when it generated the secret. It stops on SIGTERM or SIGINT.

const redirectUris = (process.env.OIDC_PROVIDER_REDIRECT_URIS ?? "")
  .split(",")
  .map((uri) => uri.trim())
  .filter(Boolean);
if (redirectUris.length === 0) {
  console.error(
    "OIDC_PROVIDER_REDIRECT_URIS is not set. Set it to the console's " +
      "callback URL, such as http://127.0.0.1:3000/api/auth/oidc/callback.",
  );
  process.exit(1);
}

const port = Number(process.env.OIDC_PROVIDER_PORT ?? "0");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `OIDC_PROVIDER_PORT is ${JSON.stringify(process.env.OIDC_PROVIDER_PORT)}: ` +
      "expected a whole number from 0 to 65535.",
  );
  process.exit(1);
}

const clientSecret = process.env.OIDC_PROVIDER_CLIENT_SECRET || undefined;
const provider = await startOidcProvider({
  redirectUris,
  port,
  ...(clientSecret ? { clientSecret } : {}),
});
// The secret is printed only when it was generated here, so a caller that
// passed its own finds none in the log.
console.log(
  JSON.stringify({
    issuer: provider.issuer,
    client_id: provider.clientId,
    ...(clientSecret ? {} : { client_secret: provider.clientSecret }),
  }),
);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void provider.close().then(() => process.exit(0));
  });
}
