import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at / with an SPA fallback; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every script and style in files so a strict CSP (no unsafe-inline) can be applied.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The allocation solver (HiGHS, 3.5 MB of WebAssembly) runs on the server only; core loads it
      // lazily, so the browser never asks for it and the build need not carry it.
      external: ['highs'],
      // The web imports only types and a few pure functions from @compact/core. Declaring the core
      // free of import-time side effects lets the bundler drop its zod schemas and rate table.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]core[\\/]/.test(id) },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
