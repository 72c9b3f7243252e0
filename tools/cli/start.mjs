// npm start: install what is missing, provision Kafka and the database, start every
// service, the agency simulators and the web gateway (officer console and citizen portal),
// print where to look, stop everything on Ctrl-C.
//
//   npm start -- --only land-registry[,agency-simulators,…]
//
// starts only the named apps of tools/services.json (the Nx serve target of each: npx nx
// serve land-registry), with the infrastructure provisioned the same way, or taken from
// KAFKA_BROKERS, MONGO_URL and OIDC_ISSUER_URL when they name running servers. Always the
// local path: the Docker path starts the whole compose file.
import { ensureNode24 } from '../infra/node24.mjs';
import {
  ensureDependencies,
  installSignalHandlers,
  isShuttingDown,
  onShutdown,
  shutdown,
} from './lifecycle.mjs';
import { provisionLocal, provisioningMode } from '../infra/provision.mjs';
import {
  gatewayEnv,
  SERVICES,
  serviceNamed,
  servicePort,
  startService,
  stopService,
  waitHealthy,
  WEB_GATEWAY,
} from './services.mjs';
import { startWithDocker } from '../infra/docker-stack.mjs';
import { build, buildWeb } from './build.mjs';
import { envForService } from '../infra/service-env.mjs';
import { CLIENT_ID, DEFAULT_KEYCLOAK_PORT, readRealm } from '../infra/keycloak.mjs';
import { messageOf } from '../infra/errors.mjs';

await ensureNode24();
ensureDependencies();
installSignalHandlers();

const onlyAt = process.argv.indexOf('--only');
/** @type {Set<string> | undefined} The apps to start: every one, or those --only names. */
let only;
try {
  only =
    onlyAt < 0
      ? undefined
      : new Set(
          (process.argv[onlyAt + 1] ?? '')
            .split(',')
            .filter(Boolean)
            .map((name) => serviceNamed(name).name),
        );
  if (only?.size === 0) throw new Error('--only needs app names, e.g. --only land-registry');
} catch (err) {
  console.error(`[start] ${messageOf(err)}`);
  process.exit(2);
}
/** @param {{ name: string }} service */
const wanted = (service) => !only || only.has(service.name);

try {
  if (
    !only &&
    provisioningMode() === 'docker' &&
    !process.env.KAFKA_BROKERS &&
    !process.env.MONGO_URL
  ) {
    await startWithDocker();
  } else {
    await startLocal();
  }
} catch (err) {
  console.error(`[start] ${messageOf(err)}`);
  await shutdown(1);
}

async function startLocal() {
  build();
  // Vite builds the web application (only when its sources changed) while the infrastructure starts.
  const [infra] = await Promise.all([
    provisionLocal({ keycloakPort: DEFAULT_KEYCLOAK_PORT, tracing: true }),
    wanted(WEB_GATEWAY) ? buildWeb() : false,
  ]);
  onShutdown(() => infra.stop());
  const stPort = servicePort(serviceNamed('secured-transactions'));
  const webUrl = `http://127.0.0.1:${servicePort(WEB_GATEWAY)}`;
  const env = {
    ...process.env,
    // Messages to citizens link the portal's tracking page.
    TRACKING_URL: process.env.TRACKING_URL ?? `${webUrl}/tra-cuu`,
    KAFKA_BROKERS: infra.kafkaBrokers,
    MONGO_URL: infra.mongoUrl,
    // The Justice registry (simulator) pushes new holds to secured-transactions.
    JUSTICE_HOLD_WEBHOOK_URL:
      process.env.JUSTICE_HOLD_WEBHOOK_URL ?? `http://127.0.0.1:${stPort}/justice/holds`,
  };
  const running = [
    ...SERVICES.filter(wanted).map((service) =>
      startService(
        service,
        envForService(
          service.name,
          infra.serviceEnv,
          // The simulators on their own database server (tools/infra/provision.mjs).
          service.simulator ? { ...env, MONGO_URL: infra.simulatorsMongoUrl } : env,
        ),
      ),
    ),
    ...(wanted(WEB_GATEWAY)
      ? [
          startService(WEB_GATEWAY, {
            ...envForService(WEB_GATEWAY.name, infra.serviceEnv, env),
            ...gatewayEnv(env),
          }),
        ]
      : []),
  ];
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
  const url = (/** @type {string} */ name) =>
    `http://127.0.0.1:${servicePort(serviceNamed(name), env)}`;
  const rows = SERVICES.filter(wanted).map(
    (s) => `  ${s.name.padEnd(22)} ${url(s.name)}/docs   ${url(s.name)}/health`,
  );
  console.log(
    [
      '',
      only
        ? `liên thông: ${[...only].join(', ')} running (--only; the other apps are not).`
        : 'liên thông is running. Every /health reports Kafka and the database up.',
      '',
      ...(wanted(WEB_GATEWAY)
        ? [`  portal and console: ${webUrl}   (log in with a sample account below)`, '']
        : []),
      ...(wanted(serviceNamed('land-registry'))
        ? [
            `  public one-stop API     ${url('land-registry')}   (OpenAPI docs: ${url('land-registry')}/docs)`,
            '',
          ]
        : []),
      '  service                OpenAPI docs                    health',
      ...rows,
      '',
      `  Kafka ${infra.kafkaBrokers}   MongoDB ${infra.mongoUrl}`,
      ...(infra.tracesUrl
        ? [`  traces (Jaeger UI): ${infra.tracesUrl}   metrics: <service>/metrics`]
        : []),
      '',
      ...loginHelp(infra.oidcIssuerUrl),
      '',
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

/** How to log in: the issuer, its login page, and the sample accounts of the development realm. */
function loginHelp(/** @type {string | undefined} */ issuer) {
  if (!issuer) return ['  Accounts: those of your identity provider (OIDC_ISSUER_URL).'];
  const realm = readRealm();
  const users = realm.users.filter((u) => u.attributes?.sample?.[0] === 'true');
  const password = users[0]?.credentials?.[0]?.value;
  const rows = users.map((u) => {
    const who = `${u.lastName} ${u.firstName}`;
    const where = u.attributes.unit?.[0] ?? (u.attributes.citizen_id ? 'CCCD' : '');
    return `    ${u.username.padEnd(20)} ${u.realmRoles.join(',').padEnd(22)} ${where.padEnd(16)} ${who}`;
  });
  const local = issuer.startsWith(`http://127.0.0.1:${DEFAULT_KEYCLOAK_PORT}/`);
  return [
    `  Log in (OpenID Connect): ${issuer}`,
    `    login page            ${issuer}/account`,
    ...(local && password
      ? [
          `  Sample accounts of the development realm (SAMPLE DATA; password for all: ${password}):`,
          ...rows,
          '  A token for curl:',
          `    curl -s -d grant_type=password -d client_id=${CLIENT_ID} -d username=motcua.badinh \\`,
          `      -d password=${password} ${issuer}/protocol/openid-connect/token`,
        ]
      : ['  Accounts: those of your identity provider (OIDC_ISSUER_URL).']),
  ];
}
