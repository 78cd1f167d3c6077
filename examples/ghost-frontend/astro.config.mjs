import { defineConfig } from 'astro/config';

// A static site: every page is written at build time from the Content API, nothing runs when it is served.
export default defineConfig({
  output: 'static',
});
