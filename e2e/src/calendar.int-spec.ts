import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authAs, eventually, SAMPLE_USERS as U, Stack, startStack } from '@lien-thong/testing';

jest.setTimeout(300_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A year with no holiday data (here: the operator's holiday directory holds only 2025, so
 * this year is not covered) still takes dossiers, counting weekends only, and tells the
 * operator in /health; no intake fails for it (issue 14, item 7).
 */
describe('a year without holiday data', () => {
  let stack: Stack;
  const dir = mkdtempSync(join(tmpdir(), 'lien-thong-holidays-'));

  beforeAll(async () => {
    copyFileSync(
      join(__dirname, '../../libs/calendar/src/data/vn-holidays-2025.json'),
      join(dir, 'vn-holidays-2025.json'),
    );
    stack = await startStack({ env: { 'land-registry': { HOLIDAY_DATA_DIR: dir } } });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const lr = (path: string) => `${stack.url['land-registry']}${path}`;

  it('takes a dossier and says in /health which years are counted with weekends only', async () => {
    const health = (await (await fetch(lr('/health'))).json()) as Json;
    const year = new Date().getUTCFullYear();
    expect(health.status).toBe('ok');
    expect(health.checks.calendar).toMatchObject({
      status: 'up',
      coveredYears: [2025],
      assumedYears: expect.arrayContaining([year]),
      alertVi: expect.stringContaining('Thiếu dữ liệu ngày nghỉ lễ'),
    });
    const auth = await authAs(U.counterBaDinh);
    const parcel = (await (
      await fetch(lr('/parcels/00004/12/101'), { headers: auth })
    ).json()) as Json;
    const owner = (parcel.owners as Json[])[0];
    const answer = await fetch(lr('/dossiers/transfers'), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'COUNTER',
        resultDelivery: 'COUNTER',
        parcel: parcel.ref,
        certificateSerial: parcel.certificate.serial,
        transferKind: 'SALE',
        contractDate: '2026-11-16',
        declaredPriceVnd: 3_000_000_000,
        sellers: [
          {
            fullName: owner.fullName,
            citizenId: owner.citizenId,
            address: owner.address,
            relationshipToBuyer: 'NONE',
            ownsOtherResidentialProperty: true,
          },
        ],
        buyers: [
          {
            fullName: 'Phạm Minh Khang',
            citizenId: '001092011223',
            address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
          },
        ],
        applicant: { fullName: 'Phạm Minh Khang', phone: '0912345678' },
      }),
    });
    const receipt = (await answer.json()) as Json;
    expect({ status: answer.status, workingDays: receipt.workingDays }).toEqual({
      status: 201,
      workingDays: 5,
    });
    // Five working days counted on weekdays: at most nine calendar days after receipt.
    const days = (Date.parse(receipt.appointmentAt) - Date.parse(receipt.receivedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(4);
    expect(days).toBeLessThan(10);
    // The dossier goes on as any other: the Justice check, then tax.
    await eventually(
      async () => {
        const v = (await (
          await fetch(lr(`/dossiers/${receipt.dossierCode}`), { headers: auth })
        ).json()) as Json;
        return v.status === 'WAITING_FOR_PAYMENT' ? v : undefined;
      },
      120_000,
      'the tax notice',
    );
  });
});
