import {
  Box,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import type { SignedOutSession } from "../../server/contract/auth";
import { SignInForm } from "../features/auth/components/sign-in-form";
import { describeSignInError } from "../features/auth/lib/sign-in-error-message";
import {
  readSignInError,
  removeSignInErrorFromLocation,
} from "../features/auth/lib/sign-in-error-param";
import { SandboxBanner } from "../features/health/components/sandbox-banner";
import { ColorSchemeControl } from "./color-scheme-control";

/** Shows the sign-in page to a browser that is not signed in. */
export function SignInScreen({ session }: { session: SignedOutSession }) {
  const [notice] = useState(() => {
    const code = readSignInError();
    return code === null ? null : describeSignInError(code);
  });

  useEffect(removeSignInErrorFromLocation, []);

  return (
    <Box mih="100vh" bg="var(--console-page-background)">
      <Box component="header">
        <SandboxBanner />
        <Group justify="flex-end" p="sm">
          <ColorSchemeControl />
        </Group>
      </Box>
      <Container component="main" size={420} py="xl">
        <Paper
          withBorder
          radius="md"
          p="xl"
          component="section"
          aria-labelledby="sign-in-heading"
        >
          <Stack gap="lg">
            <div>
              <Title order={1} size="h2" id="sign-in-heading">
                Sign in
              </Title>
              <Text size="sm" c="dimmed">
                Heron Workflow Console, for operations staff
              </Text>
            </div>
            <SignInForm methods={session.methods} notice={notice} />
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
