import {
  Alert,
  Button,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import {
  SignInRequestSchema,
  type SignInMethods,
  type SignInRequest,
} from "../../../../server/contract/auth";
import { useSignIn } from "../api/sign-in";

export const OIDC_START_PATH = "/api/auth/oidc/start";

interface SignInFormProps {
  methods: SignInMethods;
  /** A message from an earlier attempt, such as a failed single sign-on. */
  notice: string | null;
  /** The email to start with, such as that of the session that just ended. */
  initialEmail?: string;
}

/**
 * Email and password, and a link to single sign-on when the server offers
 * it. The link is a plain navigation: the provider's pages cannot run
 * inside this one.
 */
export function SignInForm({
  methods,
  notice,
  initialEmail = "",
}: SignInFormProps) {
  const signIn = useSignIn();
  const form = useForm<SignInRequest>({
    resolver: zodResolver(SignInRequestSchema),
    defaultValues: { email: initialEmail, password: "" },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    // The button is disabled while pending, but a fast double Enter can
    // arrive before React renders that.
    if (signIn.isPending) return;
    signIn.mutate(request, {
      onError: () => form.resetField("password", { keepError: false }),
    });
  });

  return (
    <Stack gap="md">
      {notice !== null && (
        <Alert color="red" variant="light" title="Sign-in failed">
          <Text size="sm">{notice}</Text>
        </Alert>
      )}
      {methods.local && (
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <Stack gap="sm">
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              error={errors.email?.message}
              {...form.register("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              // The sign-in dialog puts focus here when the email is known.
              data-autofocus={initialEmail === "" ? undefined : true}
              // Mantine hides the toggle from the keyboard by default.
              visibilityToggleFocusable
              // A toggle button keeps one name. Mantine sets aria-pressed,
              // which shows whether the password is visible.
              visibilityToggleButtonProps={{ "aria-label": "Show password" }}
              error={errors.password?.message}
              {...form.register("password")}
            />
            {signIn.isError && (
              <Alert color="red" variant="light" role="alert">
                <Text size="sm">{signIn.error.message}</Text>
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      )}
      {methods.local && methods.oidc && <Divider label="or" />}
      {methods.oidc && (
        <Button component="a" href={OIDC_START_PATH} variant="default">
          Sign in with {methods.oidc.label}
        </Button>
      )}
      {!methods.local && !methods.oidc && (
        <Text size="sm">
          This console offers no way to sign in: local accounts are off and
          single sign-on is not configured. Ask the console's administrator to
          check its settings.
        </Text>
      )}
    </Stack>
  );
}
