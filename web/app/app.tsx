import { ConsolePage } from "./console-page";
import { AppProvider } from "./provider";

export function App() {
  return (
    <AppProvider>
      <ConsolePage />
    </AppProvider>
  );
}
