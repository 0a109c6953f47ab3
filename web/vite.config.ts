import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The candor binary serves dist/ with a single-page fallback, so assets use absolute paths.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
  },
});
