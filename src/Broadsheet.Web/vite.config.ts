import { defineConfig } from 'vite';

// Built into dist/, which Broadsheet.Api embeds and serves under ui/ (…/api/ui/ in Azure, /ui/ on the dev host).
// base './' keeps every asset URL relative, so the same files work under any route prefix.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
});
