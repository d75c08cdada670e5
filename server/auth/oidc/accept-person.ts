import type { AccountStore, UserRecord } from "../../store/account-store.js";
import type { VerifiedPerson } from "./finish-sign-in.js";
import { SignInRejection } from "./sign-in-errors.js";

/**
 * Finds or creates the console account of a person the provider vouched
 * for, with the role and name refreshed. Throws SignInRejection when the
 * account is disabled or another account has the email.
 */
export async function acceptPerson(
  accounts: AccountStore,
  person: VerifiedPerson,
): Promise<UserRecord> {
  const result = await accounts.findOrCreateOidcUser(person);
  if (result.kind === "disabled") {
    throw new SignInRejection(
      "disabled",
      `The console account of ${person.email} is disabled.`,
      { email: person.email },
    );
  }
  // Linking to an existing account by email alone would let whoever
  // controls that address at the provider take over a local account.
  if (result.kind === "email_taken") {
    throw new SignInRejection(
      "email_taken",
      `Another console account already has the email ${person.email}.`,
      { email: person.email },
    );
  }
  return result.user;
}
