import { createGateway } from './gateway';
import { loadWebGatewayConfig } from './config/web-gateway.config';

/**
 * The web gateway: serves the officer console and the citizen portal and proxies their API
 * calls. It logs its start and its errors only: never a request's headers (they carry the
 * bearer token) nor its path (tracking links carry the secret).
 */
function main() {
  const config = loadWebGatewayConfig();
  const server = createGateway(config).listen(config.port, config.host, () => {
    console.log(
      JSON.stringify({
        level: 'info',
        msg: `web gateway listening on http://${config.host}:${config.port}`,
      }),
    );
  });
  server.on('error', (err) => {
    console.error(JSON.stringify({ level: 'error', msg: err.message }));
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (config.exitWithPid) {
    const owner = config.exitWithPid;
    setInterval(() => {
      try {
        process.kill(owner, 0);
      } catch {
        stop();
      }
    }, 1000).unref();
  }
}

main();
