import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFParse } from 'pdf-parse';
import { Topics } from '@lien-thong/contracts';
import { eventually, uniqueName } from '@lien-thong/test-infra';
import {
  RunningService,
  SAMPLE_USERS as U,
  authAs,
  publishEvent,
  reviewAndApprove,
  startService,
} from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, seedParcel, transferRequest } from '../testing/transfer-requests';

jest.setTimeout(120_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** The sample citizen An: she owns parcel 00004/12/101. */
const AN = '001060100000';
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * The citizen portal's logged-in side against a started land registry: "Hồ sơ của tôi", the
 * dossier's documents (stored in GridFS, checked and scanned) and the result notice. The
 * sample citizen An buys parcel 00004/12/102 (a transfer, running) and mortgages her parcel
 * 00004/12/101 (registered in beforeAll, through the land office's real steps).
 */
describe('the citizen portal: my dossiers, documents and the result notice', () => {
  let service: RunningService;
  const namespace = uniqueName('lr-portal');
  /** A stand-in for the ClamAV REST front, over real HTTP: clean, or down. */
  let scanner: Server;
  let scannerDown = false;
  let scans = 0;
  let sold: string;
  let mortgaged: string;

  const get = async (path: string, user: string) =>
    fetch(`${service.baseUrl}${path}`, { headers: await authAs(user) });
  const json = async (path: string, user: string) => (await (await get(path, user)).json()) as Json;
  const call = async (method: string, path: string, body: unknown, as: string) => {
    const res = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(await authAs(as)),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Json;
  };
  const upload = async (
    code: string,
    user: string,
    content: Buffer,
    name = 'Hợp đồng chuyển nhượng.pdf',
    kind = 'TRANSFER_CONTRACT',
  ) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
    const res = await fetch(`${service.baseUrl}/dossiers/${code}/documents`, {
      method: 'POST',
      headers: await authAs(user),
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const checked = (code: string, stage: 'RECEIPT' | 'PRE_REGISTRATION') =>
    publishEvent(namespace, Topics.ParcelCheckCompleted, code, {
      dossierCode: code,
      stage,
      parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 101 },
      result: { status: 'CLEAR', asOf: new Date().toISOString() },
      checkedAt: new Date().toISOString(),
      source: 'REGISTRY',
    });
  const reach = (code: string, status: string) =>
    eventually(
      async () =>
        ((v) => (v.status === status ? v : undefined))(
          await json(`/dossiers/${code}`, U.counterBaDinh),
        ),
      30_000,
      `${code} to reach ${status}`,
    );

  beforeAll(async () => {
    scanner = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        scans += 1;
        if (scannerDown) res.writeHead(503).end('clamd is not running');
        else res.writeHead(200).end('{"Status":"OK"}');
      });
    });
    await new Promise<void>((r) => scanner.listen(0, '127.0.0.1', r));
    service = await startService(LAND_REGISTRY_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      VIRUS_SCAN_URL: `http://127.0.0.1:${(scanner.address() as AddressInfo).port}/scan`,
      VIRUS_SCAN_TIMEOUT_MS: '2000',
    });
    const counter = await authAs(U.counterBaDinh);
    // An buys parcel 102 (a transfer shares its national procedure code with a mortgage, and
    // a parcel takes one unfinished dossier per code).
    const buyer = { fullName: 'Nguyễn Văn An', citizenId: AN, address: 'Hà Nội' };
    const transfer = transferRequest(102, { buyers: [buyer] });
    sold = (await post(service.baseUrl, '/dossiers/transfers', transfer, counter)).body
      .dossierCode as string;
    const parcel = seedParcel('00004', 12, 101);
    const mortgage = {
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      parcel: parcel.ref,
      certificateSerial: parcel.certificate.serial,
      applicant: { fullName: parcel.owners[0].fullName, phone: '0922345679' },
      mortgagee: 'Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình',
      contractNumber: '401/2026/HĐTC',
      contractDate: '2026-11-28',
      securedAmountVnd: 2_000_000_000,
    };
    const received = await post(service.baseUrl, '/dossiers/mortgages', mortgage, counter);
    if (received.status !== 201) throw new Error(JSON.stringify(received.body));
    mortgaged = received.body.dossierCode as string;
    await checked(mortgaged, 'RECEIPT');
    await reach(mortgaged, 'IN_REVIEW');
    await reviewAndApprove(call, mortgaged, '01/CN-BADINH');
    await reach(mortgaged, 'RECHECKING_HOLDS');
    await checked(mortgaged, 'PRE_REGISTRATION');
    await reach(mortgaged, 'RESULT_READY');
  });
  afterAll(async () => {
    await service?.close();
    await new Promise((r) => scanner?.close(r));
  });

  it('lists only the citizen’s own dossiers, newest first, with what is owed and what they may do', async () => {
    const mine = await json('/citizen/dossiers', U.citizenAn);
    expect(mine.items.map((i: Json) => i.dossierCode)).toEqual([mortgaged, sold]);
    expect(mine.nextCursor).toBeNull();
    expect(mine.items[0]).toMatchObject({
      procedure: 'MORTGAGE',
      procedureNameVi: 'Đăng ký thế chấp quyền sử dụng đất',
      status: 'RESULT_READY',
      channel: 'COUNTER',
      canWithdraw: false,
      forms: ['receipt', 'result'],
    });
    expect(mine.items[1]).toMatchObject({
      procedure: 'TRANSFER',
      status: 'CHECKING_PARCEL',
      statusVi: expect.any(String),
      appointmentDate: expect.any(String),
      receivedAt: expect.any(String),
      canWithdraw: true,
      forms: ['receipt'],
    });
    expect(mine.items[1]).not.toHaveProperty('amountDue');
    // No one's citizen ID, no buyer's name or phone.
    expect(JSON.stringify(mine)).not.toMatch(/\d{12}|Phạm Minh Khang|0912345678|Ngân hàng/);
    const first = await json('/citizen/dossiers?limit=1', U.citizenAn);
    const second = await json(`/citizen/dossiers?limit=1&cursor=${first.nextCursor}`, U.citizenAn);
    expect([first.items[0].dossierCode, second.items[0].dossierCode]).toEqual([mortgaged, sold]);
    // Another citizen sees none of them; an officer has the unit's list instead.
    expect((await json('/citizen/dossiers', U.citizenKhoa)).items).toEqual([]);
    expect((await get('/citizen/dossiers', U.counterBaDinh)).status).toBe(403);
    // One of them as the list shows it; someone else's is not found, not forbidden.
    expect(await json(`/citizen/dossiers/${sold}`, U.citizenAn)).toEqual(mine.items[1]);
    const other = await get(`/citizen/dossiers/${sold}`, U.citizenKhoa);
    expect(other.status).toBe(404);
    expect(((await other.json()) as Json).code).toBe('DOSSIER.NOT_FOUND');
  });

  it('takes a PDF from the party citizen, lists it for her and the counter, and hands back the same bytes', async () => {
    const sent = await upload(sold, U.citizenAn, PDF);
    expect(sent).toMatchObject({
      status: 201,
      body: {
        documentId: expect.stringMatching(/^[0-9a-f]{24}$/),
        kind: 'TRANSFER_CONTRACT',
        kindVi: expect.stringContaining('Hợp đồng chuyển nhượng'),
        fileName: 'Hợp đồng chuyển nhượng.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        uploadedAt: expect.any(String),
        uploadedBy: 'CITIZEN',
      },
    });
    const id = sent.body.documentId as string;
    for (const user of [U.citizenAn, U.counterBaDinh, U.landOfficerBaDinh])
      expect((await json(`/dossiers/${sold}/documents`, user)).items).toEqual([sent.body]);
    // The officers' view of the dossier lists it too.
    expect((await json(`/dossiers/${sold}`, U.landOfficerBaDinh)).documents).toEqual([sent.body]);
    const file = await get(`/dossiers/${sold}/documents/${id}`, U.citizenAn);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Hop-dong-chuyen-nhuong.pdf"; filename*=UTF-8''${encodeURIComponent('Hợp đồng chuyển nhượng.pdf')}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect(scans).toBeGreaterThan(0);

    const counter = await upload(sold, U.counterBaDinh, PDF, 'don.pdf', 'REGISTRATION_FORM');
    expect(counter).toMatchObject({ status: 201, body: { uploadedBy: 'COUNTER' } });
    const audit = await json(`/audit/records?dossierCode=${sold}`, U.auditor);
    expect(audit.records.map((r: Json) => r.action)).toEqual(
      expect.arrayContaining(['DOCUMENT.UPLOADED', 'DOCUMENT.DOWNLOADED']),
    );
  });

  it('refuses what is not really a PDF, JPEG or PNG, a file over 10 MB and the EICAR test virus, storing none', async () => {
    const before = (await json(`/dossiers/${sold}/documents`, U.citizenAn)).items.length;
    const page = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(64)]);
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    const infected = Buffer.concat([PDF, Buffer.from(EICAR, 'latin1')]);
    const answers = [
      await upload(sold, U.citizenAn, page, 'hop-dong.pdf'),
      await upload(sold, U.citizenAn, program, 'hop-dong.pdf'),
      await upload(sold, U.citizenAn, big),
      await upload(sold, U.citizenAn, infected),
      await upload(sold, U.citizenAn, PDF, 'x.pdf', 'NOT_IN_THE_CHECKLIST'),
    ];
    expect(answers.map((a) => [a.status, a.body.code])).toEqual([
      [422, 'DOCUMENT.TYPE_NOT_ALLOWED'],
      [422, 'DOCUMENT.TYPE_NOT_ALLOWED'],
      [413, 'DOCUMENT.TOO_LARGE'],
      [422, 'DOCUMENT.INFECTED'],
      [422, 'DOCUMENT.KIND_UNKNOWN'],
    ]);
    expect(answers[2].body.message).toBe('Tệp vượt quá dung lượng cho phép (tối đa 10 MB)');
    expect(answers[3].body.message).toMatch(/mã độc/);
    expect((await json(`/dossiers/${sold}/documents`, U.citizenAn)).items).toHaveLength(before);
  });

  it('refuses an upload it cannot scan, and one to a dossier that has ended', async () => {
    scannerDown = true;
    try {
      const unscanned = await upload(sold, U.citizenAn, PDF);
      expect([unscanned.status, unscanned.body.code]).toEqual([503, 'DOCUMENT.SCAN_UNAVAILABLE']);
    } finally {
      scannerDown = false;
    }
    const ended = await upload(mortgaged, U.citizenAn, PDF, 'x.pdf', 'REGISTRATION_FORM');
    expect([ended.status, ended.body.code]).toEqual([409, 'DOSSIER.FINISHED']);
    expect((await json(`/dossiers/${mortgaged}/documents`, U.citizenAn)).items).toEqual([]);
  });

  it('tells another citizen and another province the dossier does not exist, and keeps other officers from uploading', async () => {
    const id = (await json(`/dossiers/${sold}/documents`, U.citizenAn)).items[0].documentId;
    for (const user of [U.citizenKhoa, U.counterAnGiang]) {
      expect((await upload(sold, user, PDF)).status).toBe(404);
      expect((await get(`/dossiers/${sold}/documents`, user)).status).toBe(404);
      expect((await get(`/dossiers/${sold}/documents/${id}`, user)).status).toBe(404);
    }
    expect((await upload(sold, U.landOfficerBaDinh, PDF)).status).toBe(403);
    expect((await get(`/dossiers/${sold}/documents/${'0'.repeat(24)}`, U.citizenAn)).status).toBe(
      404,
    );
    // A document of one dossier is not found through another.
    expect((await get(`/dossiers/${mortgaged}/documents/${id}`, U.citizenAn)).status).toBe(404);
  });

  it('prints the result notice for the registered dossier to its citizen, and not before registration', async () => {
    const res = await get(`/dossiers/${mortgaged}/forms/result`, U.citizenAn);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Số: ${mortgaged}/KQ`);
    expect(text).toContain(`Đã đăng ký thế chấp quyền sử dụng đất`);
    expect(text).toContain('Lãnh đạo Văn phòng đăng ký đất đai');
    const notYet = await get(`/dossiers/${sold}/forms/result`, U.citizenAn);
    expect([notYet.status, ((await notYet.json()) as Json).code]).toEqual([
      409,
      'FORM.NOT_APPLICABLE',
    ]);
    expect((await get(`/dossiers/${mortgaged}/forms/result`, U.citizenKhoa)).status).toBe(404);
  });

  it('takes at most 20 documents per dossier', async () => {
    const have = (await json(`/dossiers/${sold}/documents`, U.citizenAn)).items.length as number;
    for (let i = have; i < 20; i++)
      expect((await upload(sold, U.citizenAn, PDF, `trang-${i}.pdf`)).status).toBe(201);
    const more = await upload(sold, U.citizenAn, PDF);
    expect([more.status, more.body.code]).toEqual([409, 'DOCUMENT.TOO_MANY']);
    expect((await json(`/dossiers/${sold}/documents`, U.citizenAn)).items).toHaveLength(20);
  });
});
