import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '../..');
const checker = join(repo, 'tools/checks/deploy.mjs');

/**
 * The deployment check of npm test (tools/checks/deploy.mjs) on the repository's files and
 * on copies with one wiring mistake each: every mistake must fail it, naming the mistake,
 * so that a broken compose file or manifest fails the build where no Docker engine or
 * cluster runs. The Go tools and schemas are cached by the static checks' run.
 */
describe('deployment check', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lien-thong-deploy-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (args: string[] = []) => {
    const run = spawnSync(process.execPath, [checker, ...args], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  };
  /** A copy of docker-compose.yml with `edit` applied, checked with the real manifests. */
  const checkCompose = (edit: (text: string) => string) => {
    const original = readFileSync(join(repo, 'docker-compose.yml'), 'utf8');
    const edited = edit(original);
    expect(edited).not.toEqual(original);
    const file = join(dir, 'docker-compose.yml');
    writeFileSync(file, edited);
    return check(['--compose', file]);
  };
  /** A copy of deploy/k8s with `edit` applied to one file, checked with the real compose file. */
  const checkK8s = (path: string, edit: (text: string) => string) => {
    const copy = join(dir, `k8s-${Math.random().toString(36).slice(2)}`);
    cpSync(join(repo, 'deploy/k8s'), copy, { recursive: true });
    const original = readFileSync(join(copy, path), 'utf8');
    const edited = edit(original);
    expect(edited).not.toEqual(original);
    writeFileSync(join(copy, path), edited);
    return check(['--k8s', copy]);
  };

  it('passes on the repository', () => {
    const result = check();
    expect(result.output).toContain('valid and wired by name');
    expect(result.ok).toBe(true);
  }, 300_000);

  it('fails a service URL pointing at 127.0.0.1 in compose', () => {
    const result = checkCompose((t) =>
      t.replace(
        '${TAX_OBLIGATION_PUBLIC_URL:-http://tax-obligation:3002}',
        'http://127.0.0.1:3002',
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('tax-obligation: PUBLIC_URL=http://127.0.0.1:3002 points at');
  });

  it('fails a variable no service reads and a host that is no compose service', () => {
    const result = checkCompose((t) =>
      t
        .replace(
          '  SHUTDOWN_GRACE_MS: 5000',
          '  SHUTDOWN_GRACE_MS: 5000\n  AGENCY_SIMULATORS_URL: x',
        )
        .replace('http://agency-simulators:3100/sms/v1', 'http://simulators:3100/sms/v1'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('AGENCY_SIMULATORS_URL is read by no land-registry config');
    expect(result.output).toContain('SMS_GATEWAY_URL names simulators, no compose service');
  });

  it('fails a web gateway wired to a host that is no compose service or given a variable it does not read', () => {
    const result = checkCompose((t) =>
      t
        .replace(
          'API_LAND_REGISTRY_URL: http://land-registry:3000',
          'API_LAND_REGISTRY_URL: http://registry:3000',
        )
        .replace(
          '      API_CONSTRUCTION_URL: http://construction:3004\n',
          '      API_CONSTRUCTION_URL: http://construction:3004\n      KAFKA_BROKERS: kafka:9092\n',
        ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'compose web-gateway: API_LAND_REGISTRY_URL names registry, no compose service',
    );
    expect(result.output).toContain(
      'compose web-gateway: KAFKA_BROKERS is read by no web-gateway config',
    );
  });

  it('fails a gateway API left on loopback and a tracking link that misses the portal', () => {
    const result = checkCompose((t) =>
      t
        .replace('      API_NOTIFICATION_URL: http://notification:3003\n', '')
        .replace('http://localhost:8080/tra-cuu', 'http://land-registry:3000/tracking'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'web-gateway: API_NOTIFICATION_URL is unset and defaults to 127.0.0.1',
    );
    expect(result.output).toContain(
      "TRACKING_URL=http://land-registry:3000/tracking is not the portal's /tra-cuu page",
    );
    expect(result.output).toContain(
      'TRACKING_URL=http://land-registry:3000/tracking does not reach the web gateway',
    );
    const unpublished = checkCompose((t) => t.replace("ports: ['8080:8080']", 'ports: []'));
    expect(unpublished.ok).toBe(false);
    expect(unpublished.output).toContain(
      'TRACKING_URL=http://localhost:8080/tra-cuu: no compose service publishes port 8080',
    );
  });

  it("fails the land registry's notification service left on loopback, in compose and k8s", () => {
    const compose = checkCompose((t) =>
      t.replace('      NOTIFICATION_URL: http://notification:3003\n', ''),
    );
    expect(compose.ok).toBe(false);
    expect(compose.output).toContain(
      'compose land-registry: NOTIFICATION_URL is unset and defaults to 127.0.0.1',
    );
    const k8s = checkK8s('base/kustomization.yaml', (t) =>
      t.replace('      - NOTIFICATION_URL=http://notification:3003\n', ''),
    );
    expect(k8s.ok).toBe(false);
    expect(k8s.output).toContain('NOTIFICATION_URL is unset and defaults to 127.0.0.1');
  });

  it('fails a secret written into compose and simulators outside the dev profile', () => {
    const result = checkCompose((t) =>
      t
        .replace(
          '${PAYMENT_WEBHOOK_SECRET:?shared with the payment gateway}',
          'not-a-secret-at-all',
        )
        .replace('    profiles: [dev]\n', ''),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('PAYMENT_WEBHOOK_SECRET must come from the environment');
    expect(result.output).toContain('the agency simulators must run only in the dev profile');
  });

  it('fails a required variable that tools/deploy/compose-env.mjs does not generate', () => {
    const result = checkCompose((t) =>
      t.replace('${NOTIFICATION_KAFKA_PASSWORD:?Kafka password}', '${NOTIFY_PW:?Kafka password}'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('${NOTIFY_PW} is required but tools/deploy/compose-env.mjs');
  });

  it('fails a compose file the Compose specification refuses', () => {
    const result = checkCompose((t) => t.replace('restart: unless-stopped', 'restarts: always'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('restarts');
  });

  it('fails an image installed with npm ci or listening on loopback', () => {
    const original = readFileSync(join(repo, 'Dockerfile'), 'utf8');
    const edited = original
      .replace('RUN npm install --no-audit', 'RUN npm ci --no-audit')
      .replace('SERVICE=${SERVICE} HOST=0.0.0.0', 'SERVICE=${SERVICE}');
    expect(edited).not.toEqual(original);
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, edited);
    const result = check(['--dockerfile', file]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Dockerfile: npm ci');
    expect(result.output).toContain('Dockerfile: the runtime stage must set HOST=0.0.0.0');
  });

  it('fails a port, Node flags or process variables that differ from the manifest of services (tools/services.json)', () => {
    const compose = readFileSync(join(repo, 'docker-compose.yml'), 'utf8').replace(
      'PORT: 3000',
      'PORT: 3005',
    );
    const dockerfile = readFileSync(join(repo, 'Dockerfile'), 'utf8')
      .replace(
        'node --enable-source-maps --max-semi-space-size=8 --heap-growing-percent=50',
        'node --enable-source-maps --max-semi-space-size=8',
      )
      .replace(' MALLOC_ARENA_MAX=2', '');
    const k8s = join(dir, 'k8s-manifest');
    cpSync(join(repo, 'deploy/k8s'), k8s, { recursive: true });
    const deployment = join(k8s, 'base/notification.yaml');
    writeFileSync(
      deployment,
      readFileSync(deployment, 'utf8').replace('containerPort: 3003', 'containerPort: 3013'),
    );
    writeFileSync(join(dir, 'manifest-compose.yml'), compose);
    writeFileSync(join(dir, 'Dockerfile.manifest'), dockerfile);
    const result = check([
      ...['--compose', join(dir, 'manifest-compose.yml')],
      ...['--dockerfile', join(dir, 'Dockerfile.manifest')],
      ...['--k8s', k8s],
    ]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('compose land-registry: PORT=3005, the manifest says 3000');
    expect(result.output).toContain('Dockerfile: CMD runs node');
    expect(result.output).toContain(
      'Dockerfile: ENV MALLOC_ARENA_MAX=(unset); tools/services.json has 2',
    );
    expect(result.output).toContain('notification: containerPort http must be 3003');
  });

  it('fails a Deployment without its readiness probe', () => {
    const result = checkK8s('base/notification.yaml', (t) =>
      t.replace(/ {10}readinessProbe:\n( {12}.*\n)+/, ''),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('notification: readinessProbe must GET /health/ready');
  });

  it('fails a secret given as a plain value or from a Secret nobody creates', () => {
    const result = checkK8s('base/tax-obligation.yaml', (t) =>
      t
        .replace(
          '{ name: lien-thong-tax-obligation, key: PAYMENT_WEBHOOK_SECRET }',
          '{ name: tax, key: PW }',
        )
        .replace(
          /- name: EVENT_SIGNING_KEY\n\s+valueFrom:\n.*\n/,
          "- { name: EVENT_SIGNING_KEY, value: '{}' }\n",
        ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'Secret tax key PW is not made by tools/deploy/k8s-secrets.mjs',
    );
    expect(result.output).toContain('EVENT_SIGNING_KEY must come from a Secret (secretKeyRef)');
  });

  it('fails a manifest the Kubernetes schema refuses (kubeconform)', () => {
    const result = checkK8s('base/tax-obligation.yaml', (t) =>
      t.replace('maxUnavailable: 1', 'maxUnavaliable: 1'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/PodDisruptionBudget tax-obligation is invalid.*maxUnavaliable/);
  });

  it('fails a public origin that routes to a service instead of the web gateway', () => {
    const result = checkK8s('overlays/production/ingress.yaml', (t) =>
      t.replace(
        '{ name: web-gateway, port: { name: http } }',
        '{ name: land-registry, port: { name: http } }',
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'the Ingress of motcua.lienthong.example.gov.vn routes elsewhere than to the web gateway',
    );
    const noProbe = checkK8s('base/web-gateway.yaml', (t) =>
      t.replace(/ {10}readinessProbe:\n( {12}.*\n)+/, ''),
    );
    expect(noProbe.ok).toBe(false);
    expect(noProbe.output).toContain('web-gateway: readinessProbe must GET /health/ready');
  });

  it('fails replicas beyond the partitions, a missing PodDisruptionBudget and an agency on loopback', () => {
    const result = checkK8s('overlays/production/kustomization.yaml', (t) =>
      t
        .replace('{ name: land-registry, count: 3 }', '{ name: land-registry, count: 20 }')
        .replace('https://etax.gdt.example.gov.vn/etax/v1', 'http://localhost:3100/etax/v1'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('20 replicas exceed KAFKA_PARTITIONS');
    expect(result.output).toContain('E_TAX_URL=http://localhost:3100/etax/v1 points at the pod');
    const noPdb = checkK8s('base/land-registry.yaml', (t) =>
      t.replace(/---\napiVersion: policy\/v1\n[\s\S]*$/, ''),
    );
    expect(noPdb.ok).toBe(false);
    expect(noPdb.output).toContain(
      'Deployment land-registry: no PodDisruptionBudget selects its pods',
    );
  });
});
