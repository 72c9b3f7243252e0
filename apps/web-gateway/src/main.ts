import { createGateway } from './gateway';
import { loadWebGatewayConfig } from './config/web-gateway.config';
import { GatewayHealth } from './health/gateway-health';

/**
 * The web gateway: serves the officer console and the citizen portal and proxies their API
 * calls. It logs its start and its errors only: never a request's headers (they carry the
 * bearer token) nor its path (tracking links carry the secret).
 */
function main() {
  const config = loadWebGatewayConfig();
  const health = new GatewayHealth(config);
  const server = createGateway(config, health).listen(config.port, config.host, () => {
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
  // As the services: readiness says 503 for SHUTDOWN_GRACE_MS, so that the load balancer
  // stops sending before the server closes; requests in flight finish.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    health.stop();
    setTimeout(() => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
    }, config.shutdownGraceMs).unref();
  };
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
