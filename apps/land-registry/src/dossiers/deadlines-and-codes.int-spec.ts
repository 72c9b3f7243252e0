import { Topics } from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import {
  EventProbe,
  RunningService,
  SAMPLE_USERS,
  authAs,
  startService,
} from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, transferRequest } from '../testing/transfer-requests';
import { DossierSequenceRepository } from '../intake/dossier-sequence.repository';
import { DelayWatchService } from '../workflow/delay-watch.service';

const COUNTER = SAMPLE_USERS.counterBaDinh;

jest.setTimeout(60_000);

describe('dossier codes and late dossiers', () => {
  let service: RunningService;
  let probe: EventProbe;
  const namespace = uniqueName('lr');

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, { KAFKA_NAMESPACE: namespace });
    probe = await EventProbe.listen(namespace, [Topics.DossierDelayed]);
  });
  afterAll(async () => {
    await probe?.close();
    await service?.close();
  });

  it('never hands out the same number twice, even to concurrent submissions', async () => {
    const sequence = service.app.get(DossierSequenceRepository);
    const numbers = await Promise.all(
      Array.from({ length: 40 }, () => sequence.next('VPDKTEST', '2026-11-23')),
    );
    expect(new Set(numbers).size).toBe(40);
    expect(Math.max(...numbers)).toBe(40);
  });

  it('sends one apology with a new date when a dossier is about to be late, and never a second', async () => {
    const { body } = await post(
      service.baseUrl,
      '/dossiers/transfers',
      transferRequest(109),
      await authAs(COUNTER),
    );
    const code = body.dossierCode as string;
    const view = (await (
      await fetch(`${service.baseUrl}/dossiers/${code}`, { headers: await authAs(COUNTER) })
    ).json()) as {
      currentDeadline: string;
    };
    const deadline = new Date(view.currentDeadline);
    const watch = service.app.get(DelayWatchService);
    // Three hours before the deadline the dossier is still checking the parcel: it will be late.
    const almost = new Date(deadline.getTime() - 3 * 3600_000);
    expect(await watch.sweep(almost)).toBeGreaterThanOrEqual(1);
    const [delayed] = await probe.waitFor(Topics.DossierDelayed, code);
    expect(new Date(delayed.payload.newAppointmentAt).getTime()).toBeGreaterThan(
      deadline.getTime(),
    );
    expect(delayed.payload.reasonVi).toMatch(/thời gian/);
    await watch.sweep(almost);
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.of(Topics.DossierDelayed, code)).toHaveLength(1);
    const after = (await (
      await fetch(`${service.baseUrl}/dossiers/${code}`, { headers: await authAs(COUNTER) })
    ).json()) as {
      appointmentAt: string;
      timeline: { step: string }[];
    };
    expect(after.appointmentAt).toBe(delayed.payload.newAppointmentAt);
    expect(after.timeline.map((t) => t.step)).toContain('DELAYED');
  });
});
