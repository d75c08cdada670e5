import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import {
  browserStorage,
  readColorScheme,
  resolveColorScheme,
} from "./lib/color-scheme-storage";

const root = document.getElementById("root");

if (root === null) {
  throw new Error(
    'index.html has no element with id "root" for the console to mount in.',
  );
}

// Set before the first render so a dark page never flashes light. Mantine's
// ColorSchemeScript would do this inline, but the server's CSP forbids
// inline scripts.
document.documentElement.setAttribute(
  "data-mantine-color-scheme",
  resolveColorScheme(
    readColorScheme(browserStorage()),
    window.matchMedia("(prefers-color-scheme: dark)").matches,
  ),
);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
