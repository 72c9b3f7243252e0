import { freePort, uniqueName } from '@lien-thong/test-infra';
import { SERVICE_MANIFEST } from './service-manifest';
import { ServiceProcess, spawnService } from './service-process';

/**
 * The names of the stack's processes, for the compiler (a JSON file gives it only
 * `string`): service-manifest.spec.ts checks that they are the manifest's.
 */
export type StackService =
  | 'agency-simulators'
  | 'land-registry'
  | 'secured-transactions'
  | 'tax-obligation'
  | 'notification'
  | 'construction';

/**
 * The processes of the stack: every service of tools/services.json but the web gateway
 * (started on request), the simulators first (the services call them at boot) and so
 * stopped last.
 */
export const STACK_SERVICES: readonly StackService[] = SERVICE_MANIFEST.services
  .filter((s) => !s.gateway)
  .sort((a, b) => Number(!!b.simulator) - Number(!!a.simulator))
  .map((s) => s.name as StackService);

export interface Stack {
  namespace: string;
  url: Record<StackService, string>;
  processes: Map<StackService, ServiceProcess>;
  /** The web gateway (console, portal and /api/<service>/), when started with `web: true`. */
  web?: ServiceProcess;
  /** SIGKILL one service and start it again with the same settings (a crash and a restart). */
  crash(name: StackService): Promise<void>;
  /** SIGTERM one service and start it again (a rolling restart). */
  restart(name: StackService): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole system as separate processes, wired together exactly as `npm start` wires them
 * (each service its own database, all on one topic namespace, the agencies played by the
 * simulators). Used by the end-to-end suite, the demo, the chaos run and the benchmark.
 */
export async function startStack(
  options: {
    env?: Partial<Record<StackService, NodeJS.ProcessEnv>>;
    common?: NodeJS.ProcessEnv;
    quiet?: boolean;
    /** Also start the web gateway in front of the services (dist/web must be built). */
    web?: boolean;
  } = {},
): Promise<Stack> {
  const namespace = uniqueName('stack');
  const ports = Object.fromEntries(
    await Promise.all(STACK_SERVICES.map(async (s) => [s, await freePort()] as const)),
  ) as Record<StackService, number>;
  const url = Object.fromEntries(
    STACK_SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`]),
  ) as Record<StackService, string>;
  const sim = url['agency-simulators'];
  // The citizen portal's tracking page (the web gateway's, when it is started).
  const webPort = await freePort();
  const wiring: Record<StackService, NodeJS.ProcessEnv> = {
    'agency-simulators': {
      JUSTICE_HOLD_WEBHOOK_URL: `${url['secured-transactions']}/justice/holds`,
    },
    'secured-transactions': { JUSTICE_REGISTRY_URL: `${sim}/justice/v1` },
    'tax-obligation': {
      E_TAX_URL: `${sim}/etax/v1`,
      PAYMENT_GATEWAY_URL: `${sim}/payments/v1`,
      PUBLIC_URL: url['tax-obligation'],
    },
    notification: {
      SMS_GATEWAY_URL: `${sim}/sms/v1`,
      EMAIL_GATEWAY_URL: `${sim}/email/v1`,
      ZALO_GATEWAY_URL: `${sim}/zalo/v1`,
      TRACKING_URL: `http://127.0.0.1:${webPort}/tra-cuu`,
    },
    construction: {
      CONSTRUCTION_URL: `${sim}/construction/v1`,
      LAND_REGISTRY_URL: url['land-registry'],
    },
    'land-registry': { NOTIFICATION_URL: url.notification },
  };
  const envOf = (s: StackService): NodeJS.ProcessEnv => ({
    KAFKA_NAMESPACE: namespace,
    MONGO_DB: `${namespace}-${s}`,
    ...options.common,
    ...wiring[s],
    ...(options.env?.[s] ?? {}),
  });
  const processes = new Map<StackService, ServiceProcess>();
  const start = async (s: StackService) =>
    processes.set(
      s,
      await spawnService(s, envOf(s), { port: ports[s], quiet: options.quiet ?? true }),
    );
  try {
    await start('agency-simulators');
    await Promise.all(STACK_SERVICES.filter((s) => s !== 'agency-simulators').map(start));
  } catch (err) {
    await Promise.all([...processes.values()].map((p) => p.stop()));
    throw err;
  }
  let web: ServiceProcess | undefined;
  if (options.web) {
    const api = Object.fromEntries(
      STACK_SERVICES.map((s) => [`API_${s.toUpperCase().replace(/-/g, '_')}_URL`, url[s]]),
    );
    web = await spawnService(
      'web-gateway',
      { ...api, ...options.common },
      { port: webPort, quiet: options.quiet ?? true },
    ).catch(async (err) => {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      throw err;
    });
  }
  return {
    namespace,
    url,
    processes,
    web,
    async crash(name) {
      await processes.get(name)?.kill();
      await start(name);
    },
    async restart(name) {
      await processes.get(name)?.stop();
      await start(name);
    },
    async stop() {
      await web?.stop();
      const order = [...STACK_SERVICES].reverse();
      for (const s of order) await processes.get(s)?.stop();
    },
  };
}
