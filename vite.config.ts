import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server forwards /api to the console server, the only part that has
// the Heron key. Nothing here may read a secret from the environment.
const serverPort = process.env.PORT ?? "3000";

export default defineConfig({
  plugins: [react()],
  // No source maps: the built page is served as is, and the maps would hand
  // out the whole source to anyone who can open it.
  build: { outDir: "dist", sourcemap: false },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/api": `http://127.0.0.1:${serverPort}` },
  },
});
