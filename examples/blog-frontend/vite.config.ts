import { defineConfig } from "vite";

// Relative asset URLs, so that dist/ can be served from any folder or host.
export default defineConfig({
  base: "./",
  server: { port: 5173, strictPort: true },
  preview: { port: 4173 },
});
