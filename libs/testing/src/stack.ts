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
  /**
   * Every instance of each service (`instances` of them; one of the simulators): the first
   * is `processes`' and answers at `url`, the others on ports of their own, with the same
   * database and consumer group.
   */
  replicas: Map<StackService, ServiceProcess[]>;
  /** The web gateway (console, portal and /api/<service>/), when started with `web: true`. */
  web?: ServiceProcess;
  /**
   * SIGKILL one service (its instance `instance`, by default the first) and start it again
   * with the same settings (a crash and a restart).
   */
  crash(name: StackService, instance?: number): Promise<void>;
  /** SIGTERM one service (one instance of it) and start it again (a rolling restart). */
  restart(name: StackService, instance?: number): Promise<void>;
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
    /**
     * Instances of each of our services (not the simulators), 1 by default. With more, they
     * run with DOCUMENT_LOCK=lease unless `common` says otherwise (deploy/README.md).
     */
    instances?: number;
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
  const instances = options.instances ?? 1;
  const lock: NodeJS.ProcessEnv =
    instances > 1 && !options.common?.DOCUMENT_LOCK ? { DOCUMENT_LOCK: 'lease' } : {};
  const processes = new Map<StackService, ServiceProcess>();
  const replicas = new Map<StackService, ServiceProcess[]>();
  /** Each instance keeps its port across restarts (the first: the one `url` names). */
  const portOf = new Map<string, number>();
  const start = async (s: StackService, i = 0) => {
    const port = i === 0 ? ports[s] : (portOf.get(`${s}#${i}`) ?? (await freePort()));
    portOf.set(`${s}#${i}`, port);
    const p = await spawnService(
      s,
      { ...envOf(s), ...lock },
      { port, quiet: options.quiet ?? true },
    );
    if (i === 0) processes.set(s, p);
    const all = replicas.get(s) ?? [];
    all[i] = p;
    replicas.set(s, all);
  };
  const stopAll = () => Promise.all([...replicas.values()].flat().map((p) => p.stop()));
  try {
    await start('agency-simulators');
    // Settled, not raced: a failed start stops every process, also those still starting.
    const started = await Promise.allSettled(
      STACK_SERVICES.filter((s) => s !== 'agency-simulators').flatMap((s) =>
        Array.from({ length: instances }, (_, i) => start(s, i)),
      ),
    );
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    await stopAll();
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
      await stopAll();
      throw err;
    });
  }
  return {
    namespace,
    url,
    processes,
    replicas,
    web,
    async crash(name, instance = 0) {
      await replicas.get(name)?.[instance]?.kill();
      await start(name, instance);
    },
    async restart(name, instance = 0) {
      await replicas.get(name)?.[instance]?.stop();
      await start(name, instance);
    },
    async stop() {
      await web?.stop();
      const order = [...STACK_SERVICES].reverse();
      for (const s of order) await Promise.all((replicas.get(s) ?? []).map((p) => p.stop()));
    },
  };
}
