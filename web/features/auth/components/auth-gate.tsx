import { Center, Loader, Modal, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useState, type ReactNode } from "react";
import type {
  AuthSession,
  SignedInSession,
  SignedOutSession,
} from "../../../../server/contract/auth";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { subscribeToSessionProblems } from "../../../lib/session-problems";
import { useSession } from "../api/get-session";
import { authKeys } from "../api/query-keys";
import { explainSessionEnd, sessionEndReason } from "../lib/session-end-reason";
import { SignedInSessionContext } from "../lib/signed-in-session";
import { useKeepSessionAlive } from "../lib/use-keep-session-alive";
import { SignInForm } from "./sign-in-form";

interface AuthGateProps {
  /** The page shown to a browser that has not signed in yet. */
  renderSignedOut: (session: SignedOutSession) => ReactNode;
  children: ReactNode;
}

/**
 * Shows the sign-in page until someone signs in, then the console. When a
 * session ends later, the console stays mounted under a sign-in dialog, so
 * what staff typed is still there after they sign in again. Nothing is
 * sent again on its own.
 */
export function AuthGate({ renderSignedOut, children }: AuthGateProps) {
  const session = useSession();
  const [lastSignedIn, setLastSignedIn] = useState<SignedInSession | null>(
    null,
  );
  useSessionProblemListener();
  const current = session.data;
  useKeepSessionAlive(current?.signed_in === true);

  if (current?.signed_in && current !== lastSignedIn) {
    setLastSignedIn(current);
  }

  if (session.isPending) {
    return (
      <Center mih="100vh" role="status">
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm">Checking whether you are signed in…</Text>
        </Stack>
      </Center>
    );
  }

  if (session.isError && lastSignedIn === null) {
    return (
      <Center mih="100vh" p="md">
        <ApiErrorAlert
          title="Could not check whether you are signed in"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </Center>
    );
  }

  if (lastSignedIn === null) {
    return current && !current.signed_in ? renderSignedOut(current) : null;
  }

  return (
    <SignedInSessionContext value={lastSignedIn}>
      {/* Another person signing in at the dialog gets a fresh page. */}
      <Fragment key={lastSignedIn.user.id}>{children}</Fragment>
      <SessionEndedDialog
        session={current ?? null}
        lastSignedIn={lastSignedIn}
      />
    </SignedInSessionContext>
  );
}

/** Reads the session again when a request reports it ended or its token is stale. */
function useSessionProblemListener() {
  const queryClient = useQueryClient();

  useEffect(
    () =>
      subscribeToSessionProblems((problem) => {
        const known = queryClient.getQueryData<AuthSession>(authKeys.session());
        // Every poll of a page whose session ended gets a 401, but one read
        // of the session is enough.
        if (problem === "signed_out" && known?.signed_in === false) return;
        void queryClient.invalidateQueries({ queryKey: authKeys.session() });
      }),
    [queryClient],
  );
}

function SessionEndedDialog({
  session,
  lastSignedIn,
}: {
  session: AuthSession | null;
  lastSignedIn: SignedInSession;
}) {
  const opened = session !== null && !session.signed_in;

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title="Your session has ended"
    >
      {session && !session.signed_in && (
        <Stack gap="md">
          <Text size="sm">
            {explainSessionEnd(sessionEndReason(lastSignedIn))} Sign in again to
            go on. The page keeps what you typed. Anything you were sending when
            the session ended was not carried out, and the console does not
            repeat it, so send it again after you sign in.
          </Text>
          <SignInForm
            methods={session.methods}
            notice={null}
            initialEmail={lastSignedIn.user.email}
          />
        </Stack>
      )}
    </Modal>
  );
}
