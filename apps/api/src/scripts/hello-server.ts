import Fastify from 'fastify';

/** The HTTP baseline of the benchmarks: a bare Fastify answering a small JSON, nothing else. */
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
