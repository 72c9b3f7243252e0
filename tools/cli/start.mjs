// npm start: install what is missing, provision Kafka and the database, start every
// service and the agency simulators, print where to look, stop everything on Ctrl-C.
import { ensureNode24 } from '../infra/node24.mjs';
import {
  ensureDependencies,
  installSignalHandlers,
  isShuttingDown,
  onShutdown,
  shutdown,
} from './lifecycle.mjs';
import { provisionLocal, provisioningMode } from '../infra/provision.mjs';
import { SERVICES, servicePort, startService, stopService, waitHealthy } from './services.mjs';
import { startWithDocker } from '../infra/docker-stack.mjs';
import { build } from './build.mjs';
import { envForService } from '../infra/service-env.mjs';

await ensureNode24();
ensureDependencies();
installSignalHandlers();

try {
  if (provisioningMode() === 'docker' && !process.env.KAFKA_BROKERS && !process.env.MONGO_URL) {
    await startWithDocker();
  } else {
    await startLocal();
  }
} catch (err) {
  console.error(`[start] ${err.message}`);
  await shutdown(1);
}

async function startLocal() {
  build();
  const infra = await provisionLocal();
  onShutdown(() => infra.stop());
  const stPort = servicePort(SERVICES.find((s) => s.name === 'secured-transactions'));
  const env = {
    ...process.env,
    KAFKA_BROKERS: infra.kafkaBrokers,
    MONGO_URL: infra.mongoUrl,
    // The Justice registry (simulator) pushes new holds to secured-transactions.
    JUSTICE_HOLD_WEBHOOK_URL:
      process.env.JUSTICE_HOLD_WEBHOOK_URL ?? `http://127.0.0.1:${stPort}/justice/holds`,
  };
  const running = SERVICES.map((service) =>
    startService(service, envForService(service.name, infra.serviceEnv, env)),
  );
  onShutdown(async () => {
    console.log('[start] stopping services…');
    await Promise.all(running.map((r) => stopService(r)));
  });
  for (const r of running) {
    void r.exited.then(({ code, signal }) => {
      if (isShuttingDown()) return;
      console.error(
        `[start] ${r.service.name} exited (${signal ?? `code ${code}`}); stopping everything.`,
      );
      void shutdown(1);
    });
  }
  await Promise.all(running.map((r) => waitHealthy(r, env)));
  const url = (name) =>
    `http://127.0.0.1:${servicePort(
      SERVICES.find((s) => s.name === name),
      env,
    )}`;
  const rows = SERVICES.map(
    (s) => `  ${s.name.padEnd(22)} ${url(s.name)}/docs   ${url(s.name)}/health`,
  );
  console.log(
    [
      '',
      'liên thông is running. Every /health reports Kafka and the database up.',
      '',
      `  public one-stop API     ${url('land-registry')}   (OpenAPI docs: ${url('land-registry')}/docs)`,
      '',
      '  service                OpenAPI docs                    health',
      ...rows,
      '',
      `  Kafka ${infra.kafkaBrokers}   MongoDB ${infra.mongoUrl}`,
      '',
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}
