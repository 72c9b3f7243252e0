// A loopback-only control endpoint through which a chaos run (a separate process) can
// restart the Kafka broker that this run provisioned. POST /kafka/restart.
import { createServer } from 'node:http';

export async function startInfraControl(
  /** @type {{ restartKafka?: () => Promise<void> }} */ infra,
) {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/kafka/restart' && infra.restartKafka) {
      infra.restartKafka().then(
        () => res.writeHead(200).end('{"restarted":true}'),
        (/** @type {unknown} */ err) =>
          res.writeHead(500).end(JSON.stringify({ error: String(err) })),
      );
      return;
    }
    res.writeHead(404).end('{"error":"unknown control, or Kafka not provisioned by this run"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  server.unref();
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
