import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";

const root = document.getElementById("root");

if (root === null) {
  throw new Error(
    'index.html has no element with id "root" for the console to mount in.',
  );
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
