/**
 * Builds the UI to apps/web/dist, which the API serves at `/`. During development
 * (`npm run dev -w @zairyu/web`) Vite proxies /v1 to the API on :3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      // The status catalogue (在留資格 names) comes from the domain itself, not a copy.
      '@domain': here('../../libs/domain/src'),
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // No inline scripts or data: URLs for scripts, so a strict Content-Security-Policy holds.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});
