import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['./support/server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser and one server for the machine's two cores: files run one after another.
    fileParallelism: false,
    env: { TZ: 'Europe/Helsinki' },
  },
});
