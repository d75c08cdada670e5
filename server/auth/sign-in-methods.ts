import type { SignInMethods } from "../contract/auth.js";
import type { Config } from "../config.js";

/** Lists the ways of signing in that the page offers. */
export function signInMethods(config: Readonly<Config>): SignInMethods {
  return {
    local: true,
    oidc: config.oidc ? { label: config.oidc.label } : null,
  };
}
