import { AuthGate } from "../features/auth/components/auth-gate";
import { ConsolePage } from "./console-page";
import { AppProvider } from "./provider";
import { SignInScreen } from "./sign-in-screen";

export function App() {
  return (
    <AppProvider>
      <AuthGate
        renderSignedOut={(session) => <SignInScreen session={session} />}
      >
        <ConsolePage />
      </AuthGate>
    </AppProvider>
  );
}
