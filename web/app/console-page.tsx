import { Alert, Box, Container, Text } from "@mantine/core";
import { useState } from "react";
import { hasRole } from "../features/auth/lib/roles";
import { useSignedInSession } from "../features/auth/lib/signed-in-session";
import { AdminView } from "./admin-view";
import { ConsoleHeader } from "./console-header";
import { RunsView } from "./runs-view";
import { useConsoleView } from "./use-console-view";

/** Lays out the page: the header, then the runs or, for admins, the admin view. */
export function ConsolePage() {
  const { user, settings } = useSignedInSession();
  const [view, setView] = useConsoleView();
  const isAdmin = hasRole(user.role, "admin");
  const [adminLinkIgnored] = useState(view === "admin" && !isAdmin);

  return (
    <Box mih="100vh" bg="var(--console-page-background)">
      <ConsoleHeader view={view} onViewChange={setView} showAdmin={isAdmin} />
      <Container component="main" size="xl" py="lg">
        {adminLinkIgnored && (
          <Alert color="orange" variant="light" mb="lg" title="Admin view">
            <Text size="sm">
              The admin view needs the admin role; you are{" "}
              {user.role === "operator" ? "an operator" : "a viewer"}. Ask an
              admin if you need to manage staff accounts.
            </Text>
          </Alert>
        )}
        {view === "admin" && isAdmin ? (
          <AdminView currentUserId={user.id} />
        ) : (
          <RunsView
            canStart={hasRole(user.role, "operator")}
            reasonRequired={settings.reason_required}
          />
        )}
      </Container>
    </Box>
  );
}
