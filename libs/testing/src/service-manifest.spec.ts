import { BUS_SERVICES } from '@lien-thong/contracts';
import { SERVICE_MANIFEST } from './service-manifest';
import { STACK_SERVICES, StackService } from './stack';

/**
 * The names the compiler knows (StackService, the contracts' BUS_SERVICES) are those of the
 * manifest npm start and the deployment check read (tools/services.json): a service added
 * there and not here, or the other way round, fails here rather than in a run.
 */
describe('the manifest of services', () => {
  const named = (pick: (s: (typeof SERVICE_MANIFEST.services)[number]) => unknown) =>
    SERVICE_MANIFEST.services.filter(pick).map((s) => s.name);

  it('starts every service but the gateway in a stack, the simulators first', () => {
    // Typed with every StackService: one more in the type without a case here fails tsc.
    const known: Record<StackService, true> = {
      'agency-simulators': true,
      'land-registry': true,
      'secured-transactions': true,
      'tax-obligation': true,
      notification: true,
      construction: true,
    };
    expect([...STACK_SERVICES].sort()).toEqual(named((s) => !s.gateway).sort());
    expect(Object.keys(known).sort()).toEqual(named((s) => !s.gateway).sort());
    expect(STACK_SERVICES[0]).toBe('agency-simulators');
  });

  it('puts on the bus exactly the services the contracts name', () => {
    expect([...BUS_SERVICES].sort()).toEqual(named((s) => s.kafkaConsumer).sort());
    expect([...BUS_SERVICES].sort()).toEqual(named((s) => s.eventProducer).sort());
  });

  it('runs every service with the memory cap measured in docs/benchmarks.md', () => {
    expect(SERVICE_MANIFEST.nodeFlags).toEqual(
      expect.arrayContaining(['--max-semi-space-size=8', '--heap-growing-percent=50']),
    );
    expect(SERVICE_MANIFEST.processEnv).toEqual({ MALLOC_ARENA_MAX: '2' });
  });
});
