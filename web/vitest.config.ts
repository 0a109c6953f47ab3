import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that `npm run build` never loads vitest.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
