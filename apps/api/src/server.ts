import { loadConfig, ConfigError } from './config.js';
import { createRuntime } from './runtime.js';

/** Start Helppo: listen on PORT and shut down gracefully on SIGTERM/SIGINT. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = {
    level: config.logLevel,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {}),
  };
  const runtime = await createRuntime(config, { logger });
  const { app } = runtime;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog });
  app.log.info(
    `Helppo (${config.mode} mode, ${runtime.db.kind}) at ${config.publicUrl}/ — e.g. ${config.publicUrl}/tyrskyla/`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
