import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import {
  RunningService,
  startService,
  uniqueName,
  writesDuring as writesOn,
} from '@lien-thong/testing';
import { Dossier } from '../dossiers/dossier';
import { DossierRecord } from '../dossiers/schemas/dossier.schema';
import { Parcel } from '../reference-data/schemas/parcel.schema';
import { LAND_REGISTRY_SERVICE } from '../service';
import { dossier } from '../testing/dossier.fixture';
import { CadastralRegistrationService } from './cadastral-registration.service';

jest.setTimeout(60_000);

describe('the cadastral book after a registration', () => {
  let service: RunningService;
  let dossiers: Model<Dossier>;
  let parcels: Model<Parcel>;
  let cadastre: CadastralRegistrationService;
  const run = uniqueName('cad').slice(-6).toUpperCase();

  beforeAll(async () => {
    // Generated parcels 1–6 of commune 00004, map sheet 50, one holder each.
    service = await startService(LAND_REGISTRY_SERVICE, { SEED_BULK_PARCELS: '6' });
    dossiers = service.app.get<Model<Dossier>>(getModelToken(DossierRecord.name));
    parcels = service.app.get<Model<Parcel>>(getModelToken(Parcel.name));
    cadastre = service.app.get(CadastralRegistrationService);
  });
  afterAll(async () => {
    await service?.close();
  });

  /** The write commands the service sends, by collection, while fn runs. */
  const writesDuring = (fn: () => Promise<unknown>) =>
    writesOn(service.app.get<Connection>(getConnectionToken()), fn);

  /** A transfer of generated parcel n, registered and waiting for the book. */
  const registered = async (n: number): Promise<Dossier> => {
    const ref = { communeCode: '00004', mapSheetNumber: 50, parcelNumber: n };
    const parcel = await parcels.findOne({ ref }).lean<Parcel>();
    if (!parcel) throw new Error(`generated parcel ${n} is missing`);
    const d = dossier({
      _id: `CNBADINH-${run}-${String(n).padStart(4, '0')}`,
      status: 'RESULT_READY',
      heldBy: 'land-registry',
      parcel: { ...dossier().parcel, ref },
      certificate: parcel.certificate,
      sellers: parcel.owners.map((o) => ({ ...o, relationshipToBuyer: 'NONE' as const })),
      buyers: [
        {
          fullName: 'Phạm Minh Khang',
          citizenId: `00109201${String(n).padStart(4, '0')}`,
          address: 'Hà Nội',
        },
      ],
      certificateOutcome: {
        choice: 'NEW_CERTIFICATE',
        serial: `CS${run}${n}`,
        issuedOn: '2026-12-07',
      },
      registeredAt: new Date(),
      cadastralPending: true,
    });
    await dossiers.create(d);
    return d;
  };

  const ownersOf = async (d: Dossier) =>
    (await parcels.findOne({ ref: d.parcel.ref }).lean<Parcel>())?.owners.map((o) => o.citizenId);
  const pending = async (ds: Dossier[]) =>
    (await dossiers.find({ _id: { $in: ds.map((d) => d._id) } }, { cadastralPending: 1 }).lean())
      .filter((d) => d.cadastralPending)
      .map((d) => d._id);

  it('writes the book at once and confirms the registrations of the moment in one write', async () => {
    const ds = await Promise.all([1, 2, 3].map(registered));
    const writes = await writesDuring(async () => {
      await Promise.all(ds.map((d) => cadastre.write(d)));
      // The buyers hold the parcels as soon as the book is written…
      for (const d of ds) expect(await ownersOf(d)).toEqual([d.buyers[0].citizenId]);
      // …and the dossiers are confirmed a moment later, together.
      expect(await pending(ds)).toHaveLength(3);
      await cadastre.confirmNow();
    });
    expect(await pending(ds)).toEqual([]);
    expect(writes.filter((w) => w.startsWith('parcels.'))).toHaveLength(3);
    expect(writes.filter((w) => w.startsWith('dossiers.'))).toEqual(['dossiers.bulkWrite']);
  });

  it('confirms on its own a second after the book is written', async () => {
    const d = await registered(4);
    await cadastre.write(d);
    const deadline = Date.now() + 10_000;
    while ((await pending([d])).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await pending([d])).toEqual([]);
  });

  it('finishes, after a crash, a registration whose book was written but not confirmed, without writing the book twice', async () => {
    const [written, notWritten] = await Promise.all([5, 6].map(registered));
    await cadastre.write(written);
    // The process died before the confirmation: it is lost with it.
    (cadastre as unknown as { written: Set<string> }).written.clear();
    const writes = await writesDuring(async () => {
      await cadastre.completeRegistrations();
      await cadastre.confirmNow();
    });
    expect(await pending([written, notWritten])).toEqual([]);
    expect(await ownersOf(written)).toEqual([written.buyers[0].citizenId]);
    expect(await ownersOf(notWritten)).toEqual([notWritten.buyers[0].citizenId]);
    // The book once, for the dossier whose registration it did not have yet.
    expect(writes.filter((w) => w.startsWith('parcels.'))).toHaveLength(1);
  });
});
