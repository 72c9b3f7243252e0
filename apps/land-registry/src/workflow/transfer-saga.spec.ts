import { Topics } from '@lien-thong/contracts';
import { dossier } from '../testing/dossier.fixture';
import { acceptSupplement, requestSupplement, returnResult } from './officer-actions';
import {
  sendSlip,
  onHoldPlaced,
  onObligationsAssessed,
  onObligationsPaid,
  onParcelChecked,
  onSlipReturned,
} from './transfer-saga';
import { StepNotReachedYetError } from './saga.exceptions';
import { approve, assign, claim, propose, sendBack, withdraw } from './land-office-review';

const at = new Date('2026-11-23T03:00:00Z');

const check = (stage: 'RECEIPT' | 'PRE_REGISTRATION', result: object) => ({
  dossierCode: 'VPDKHN-261123-0001',
  stage,
  parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 102 },
  result: result as never,
  checkedAt: at.toISOString(),
  source: 'REGISTRY' as const,
});

/** Tax's answer to slip revision r (assessment A:Rr) and the citizen's payment of an assessment. */
const assessedFor = (slipRevision: number) => ({
  dossierCode: 'VPDKHN-261123-0001',
  assessmentId: `A:R${slipRevision}`,
  slipRevision,
  notices: [],
  totalVnd: 1,
});
const paymentOf = (assessmentId: string) => ({
  dossierCode: 'VPDKHN-261123-0001',
  assessmentId,
  amountVnd: 1,
  paidAt: at.toISOString(),
  transactionId: 'T',
  late: false,
});

describe('transfer saga', () => {
  it('sends the transfer slip to tax once the parcel is clear, and stops the land office clock', () => {
    const t = onParcelChecked(
      dossier(),
      check('RECEIPT', { status: 'CLEAR' }),
      at,
      'Bộ phận Một cửa',
      'Bộ phận Một cửa',
    );
    expect(t).toMatchObject({
      status: 'WAITING_FOR_TAX',
      heldBy: 'tax-obligation',
      set: { slipRevision: 1 },
    });
    expect(t?.pauses).toEqual([{ from: at, to: null, reason: 'TAX_ASSESSMENT' }]);
    expect(t?.emit).toEqual([
      expect.objectContaining({
        topic: Topics.TransferSlipSent,
        payload: expect.objectContaining({ slipRevision: 1, declaredPriceVnd: 3_000_000_000 }),
      }),
    ]);
  });

  it('refuses a mortgaged parcel without consent, but goes on with the mortgagee’s written consent', () => {
    const mortgaged = {
      status: 'MORTGAGED',
      mortgage: {
        mortgagee: 'Vietcombank',
        registrationNumber: 'DKTC-1',
        registeredOn: '2023-05-15',
      },
    };
    expect(
      onParcelChecked(dossier(), check('RECEIPT', mortgaged), at, '', 'Bộ phận Một cửa'),
    ).toMatchObject({
      status: 'REFUSED',
      set: { refusal: { code: 'PARCEL.MORTGAGED' } },
    });
    const consented = dossier({
      transfer: {
        ...(dossier().transfer as NonNullable<ReturnType<typeof dossier>['transfer']>),
        mortgageeConsent: { documentNumber: '125/CV', signedOn: '2026-11-02' },
      },
    });
    expect(
      onParcelChecked(consented, check('RECEIPT', mortgaged), at, '', 'Bộ phận Một cửa'),
    ).toMatchObject({
      status: 'WAITING_FOR_TAX',
    });
  });

  it('refuses blocked and disputed parcels with the authority and document in the reason', () => {
    const blocked = onParcelChecked(
      dossier(),
      check('RECEIPT', {
        status: 'BLOCKED',
        hold: {
          authority: 'Tòa án nhân dân khu vực 1',
          documentNumber: '58/2025/QĐ-BPKCTT',
          issuedOn: '2025-11-03',
        },
      }),
      at,
      '',
      'Bộ phận Một cửa',
    );
    expect(blocked?.set?.refusal?.reasonVi).toContain('58/2025/QĐ-BPKCTT');
    expect(blocked?.emit[0]).toMatchObject({
      topic: Topics.DossierRefused,
      payload: { reasonCode: 'PARCEL.BLOCKED' },
    });
    const disputed = onParcelChecked(
      dossier(),
      check('RECEIPT', {
        status: 'DISPUTED',
        dispute: {
          authority: 'UBND phường',
          description: 'Tranh chấp ranh giới',
          filedOn: '2026-03-02',
        },
      }),
      at,
      '',
      'Bộ phận Một cửa',
    );
    expect(disputed).toMatchObject({
      status: 'REFUSED',
      set: { refusal: { code: 'PARCEL.DISPUTED' } },
    });
  });

  it('ignores a check for a step the dossier has already left (a late or duplicated answer)', () => {
    expect(
      onParcelChecked(
        dossier({ status: 'WAITING_FOR_TAX' }),
        check('RECEIPT', { status: 'CLEAR' }),
        at,
        '',
        'Bộ phận Một cửa',
      ),
    ).toBeNull();
  });

  it('keeps the clock stopped from the slip through payment, and restarts it when paid', () => {
    const slipSent = dossier({
      status: 'WAITING_FOR_TAX',
      slipRevision: 1,
      pauses: [{ from: at, to: null, reason: 'TAX_ASSESSMENT' }],
    });
    const later = new Date(at.getTime() + 3600_000);
    const assessed = onObligationsAssessed(
      slipSent,
      {
        dossierCode: slipSent._id,
        assessmentId: 'A:R1',
        slipRevision: 1,
        notices: [],
        totalVnd: 100_000_000,
      },
      later,
    );
    expect(assessed?.status).toBe('WAITING_FOR_PAYMENT');
    expect(assessed?.pauses).toEqual([
      { from: at, to: later, reason: 'TAX_ASSESSMENT' },
      { from: later, to: null, reason: 'CITIZEN_PAYMENT' },
    ]);
    const waiting = dossier({
      status: 'WAITING_FOR_PAYMENT',
      slipRevision: 1,
      pauses: assessed?.pauses ?? [],
      assessment: { assessmentId: 'A:R1', totalVnd: 100_000_000, notices: [] },
    });
    const paidAt = new Date(later.getTime() + 3600_000);
    const paid = onObligationsPaid(
      waiting,
      {
        dossierCode: waiting._id,
        assessmentId: 'A:R1',
        amountVnd: 100_000_000,
        paidAt: paidAt.toISOString(),
        transactionId: 'T1',
        late: false,
      },
      paidAt,
      'Chi nhánh Văn phòng đăng ký đất đai khu vực Ba Đình',
    );
    // Paid: straight into the review queue; the registry is asked again only after approval.
    expect(paid).toMatchObject({
      status: 'IN_REVIEW',
      heldBy: 'land-registry',
      set: { assignee: null, payment: { transactionId: 'T1', amountVnd: 100_000_000 } },
    });
    expect(paid?.pauses?.every((p) => p.to)).toBe(true);
    expect(paid?.emit).toEqual([]);
    expect(paid?.timeline.map((e) => e.step)).toEqual(['PAID', 'QUEUED_FOR_REVIEW']);
    expect(paid?.timeline[1].noteVi).toContain('khu vực Ba Đình');
  });

  it('keeps a payment that overtook its assessment for a later attempt instead of dropping it', () => {
    const slipSent = dossier({ status: 'WAITING_FOR_TAX', slipRevision: 1 });
    const paid = paymentOf('A:R1');
    expect(() => onObligationsPaid(slipSent, paid, at, 'Ba Đình')).toThrow(StepNotReachedYetError);
    const assessed = onObligationsAssessed(slipSent, assessedFor(1), at);
    expect(assessed?.status).toBe('WAITING_FOR_PAYMENT');
    const waiting = dossier({
      status: 'WAITING_FOR_PAYMENT',
      slipRevision: 1,
      assessment: { assessmentId: 'A:R1', totalVnd: 1, notices: [] },
    });
    expect(onObligationsPaid(waiting, paid, at, 'Ba Đình')?.status).toBe('IN_REVIEW');
  });

  it('ignores a payment for another assessment, and an assessment of an outdated slip revision', () => {
    const waiting = dossier({
      status: 'WAITING_FOR_PAYMENT',
      slipRevision: 2,
      assessment: { assessmentId: 'A:R2', totalVnd: 1, notices: [] },
    });
    expect(onObligationsPaid(waiting, paymentOf('A:R1'), at, 'Ba Đình')).toBeNull();
    const slipSent = dossier({ status: 'WAITING_FOR_TAX', slipRevision: 2 });
    expect(onObligationsAssessed(slipSent, assessedFor(1), at)).toBeNull();
  });

  it("does not register after a clear re-check asked by an earlier version on payment: the dossier waits in its unit's review queue", () => {
    const t = onParcelChecked(
      dossier({ status: 'RECHECKING_HOLDS' }),
      check('PRE_REGISTRATION', { status: 'CLEAR' }),
      at,
      'Chi nhánh Văn phòng đăng ký đất đai khu vực Ba Đình',
      'Bộ phận Một cửa',
    );
    expect(t).toMatchObject({
      status: 'IN_REVIEW',
      heldBy: 'land-registry',
      set: { assignee: null },
    });
    expect(t?.emit).toEqual([]);
    expect(t?.timeline.map((e) => e.step)).toEqual(['HOLDS_RECHECKED', 'QUEUED_FOR_REVIEW']);
    expect(t?.timeline[1].noteVi).toContain('khu vực Ba Đình');
  });

  describe('per-agency deadlines', () => {
    it('gives the slip to tax with three working days to answer (Decree 252/2026), shown on the timeline', () => {
      // Monday 23 November 2026, 10:00 in Hà Nội: due Thursday 26 November at closing time.
      const t = sendSlip(dossier({ status: 'CHECKING_PARCEL' }), at, 'Chuyển phiếu');
      expect(t.set?.handoff).toMatchObject({ agency: 'tax-obligation', lateFlaggedAt: null });
      const due = t.set?.handoff?.dueAt as Date;
      expect(due.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })).toBe('26/11/2026');
      expect(t.timeline[0].deadlineAt).toEqual(due);
    });

    it('records an answer after the deadline for the statistics, and none on time', () => {
      const handoff = {
        agency: 'tax-obligation' as const,
        step: 'TRANSFER_SLIP_SENT',
        at,
        dueAt: new Date('2026-11-26T10:00:00Z'),
        lateFlaggedAt: null,
      };
      const waiting = dossier({ status: 'WAITING_FOR_TAX', slipRevision: 1, handoff });
      const assessed = (when: Date) =>
        onObligationsAssessed(
          waiting,
          {
            dossierCode: waiting._id,
            slipRevision: 1,
            assessmentId: 'A-1',
            totalVnd: 1,
            notices: [],
          },
          when,
        );
      expect(assessed(new Date('2026-11-25T03:00:00Z'))?.set).toMatchObject({ handoff: null });
      expect(assessed(new Date('2026-11-25T03:00:00Z'))?.set).not.toHaveProperty('lateHandoffs');
      expect(assessed(new Date('2026-11-27T03:00:00Z'))?.set?.lateHandoffs).toEqual([
        expect.objectContaining({ agency: 'tax-obligation', dueAt: handoff.dueAt }),
      ]);
    });
  });

  describe('the land office review', () => {
    const quan = { username: 'chuyenvien.badinh', describedAs: 'Trần Minh Quân (Chuyên viên)' };
    const anh = { username: 'chuyenvien.hanoi', describedAs: 'Vũ Đức Anh (Chuyên viên)' };
    const lan = { username: 'lanhdao.hanoi', describedAs: 'Phạm Thị Lan (Lãnh đạo)' };
    const newCertificate = {
      choice: 'NEW_CERTIFICATE' as const,
      serial: 'DD01000001',
      issuedOn: '2026-11-23',
    };

    it('lets one officer claim a queued dossier; another officer is told who holds it', () => {
      const queued = dossier({ status: 'IN_REVIEW', heldBy: 'land-registry' });
      expect(claim(queued, quan, at)).toMatchObject({ set: { assignee: quan } });
      const held = dossier({ status: 'IN_REVIEW', assignee: quan });
      expect(claim(held, quan, at)).toBeNull();
      expect(() => claim(held, anh, at)).toThrow(
        expect.objectContaining({ code: 'REVIEW.HELD_BY_ANOTHER' }),
      );
      expect(assign(held, anh, lan, at)).toMatchObject({ set: { assignee: anh } });
    });

    it('lets only the assignee propose, and the leader send back to the proposer with the reason', () => {
      expect(() =>
        propose(dossier({ status: 'IN_REVIEW', assignee: null }), quan, 'Đủ điều kiện', at),
      ).toThrow(expect.objectContaining({ code: 'REVIEW.NOT_ASSIGNED_TO_YOU' }));
      const proposed = propose(
        dossier({ status: 'IN_REVIEW', assignee: quan }),
        quan,
        'Đủ điều kiện',
        at,
      );
      expect(proposed).toMatchObject({
        status: 'AWAITING_APPROVAL',
        set: { proposal: { by: quan } },
      });
      const awaiting = dossier({
        status: 'AWAITING_APPROVAL',
        assignee: quan,
        proposal: { at, by: quan, opinionVi: 'Đủ điều kiện' },
      });
      const back = sendBack(awaiting, lan, 'Thiếu trích lục bản đồ', at);
      expect(back).toMatchObject({ status: 'IN_REVIEW', set: { assignee: quan, proposal: null } });
      expect(back.timeline[0].noteVi).toContain('Thiếu trích lục bản đồ');
      expect(back.emit).toEqual([]);
    });

    it("registers only on a leader's approval, never the proposer's own, after one more registry check", () => {
      const awaiting = dossier({
        status: 'AWAITING_APPROVAL',
        proposal: { at, by: quan, opinionVi: 'Đủ điều kiện' },
      });
      expect(() => approve(awaiting, quan, at, newCertificate)).toThrow(
        expect.objectContaining({ code: 'REVIEW.OWN_PROPOSAL' }),
      );
      expect(() => approve(dossier({ status: 'IN_REVIEW' }), lan, at, newCertificate)).toThrow(
        expect.objectContaining({ code: 'DOSSIER.INVALID_STATE' }),
      );
      const approved = approve(awaiting, lan, at, newCertificate);
      // Approved: the registry is asked once more, just before registration.
      expect(approved).toMatchObject({
        status: 'RECHECKING_HOLDS',
        set: { approval: { by: lan }, certificateOutcome: newCertificate },
      });
      expect(approved.emit[0]).toMatchObject({
        topic: Topics.ParcelCheckRequested,
        payload: { stage: 'PRE_REGISTRATION' },
      });
      const rechecking = dossier({
        status: 'RECHECKING_HOLDS',
        approval: { at, by: lan },
        certificateOutcome: newCertificate,
      });
      const t = onParcelChecked(
        rechecking,
        check('PRE_REGISTRATION', { status: 'CLEAR' }),
        at,
        'Chi nhánh Ba Đình',
        'Bộ phận Một cửa, 18 Huỳnh Thúc Kháng',
      );
      expect(t).toMatchObject({
        status: 'RESULT_READY',
        set: { cadastralPending: true, registeredAt: at },
      });
      expect(t?.emit[0]).toMatchObject({
        topic: Topics.DossierRegistered,
        payload: {
          collectAtVi: 'Bộ phận Một cửa, 18 Huỳnh Thúc Kháng',
          certificateChoice: 'NEW_CERTIFICATE',
          certificateSerial: 'DD01000001',
        },
      });
      // A hold placed during the review stops it, approved or not.
      const held = onParcelChecked(
        rechecking,
        check('PRE_REGISTRATION', {
          status: 'BLOCKED',
          hold: { authority: 'Công an', documentNumber: '91/QĐ', issuedOn: '2026-11-22' },
        }),
        at,
        'Chi nhánh Ba Đình',
        'Bộ phận Một cửa',
      );
      expect(held).toMatchObject({
        status: 'REFUSED',
        set: { refusal: { code: 'PARCEL.BLOCKED' } },
      });
    });

    it('lets the applicant withdraw before registration (the event undoes tax), not after', () => {
      const paying = dossier({
        status: 'WAITING_FOR_PAYMENT',
        pauses: [{ from: at, to: null, reason: 'CITIZEN_PAYMENT' }],
      });
      const t = withdraw(
        paying,
        'CITIZEN',
        'Người nộp hồ sơ',
        'Hai bên thỏa thuận hủy hợp đồng',
        at,
      );
      expect(t).toMatchObject({ status: 'WITHDRAWN', heldBy: 'none', set: { finishedAt: at } });
      expect(t.pauses?.every((p) => p.to)).toBe(true);
      expect(t.emit[0]).toMatchObject({
        topic: Topics.DossierWithdrawn,
        payload: { withdrawnBy: 'CITIZEN' },
      });
      expect(() =>
        withdraw(dossier({ status: 'RESULT_READY' }), 'CITIZEN', 'x', 'Hủy hợp đồng', at),
      ).toThrow(expect.objectContaining({ code: 'DOSSIER.INVALID_STATE' }));
    });
  });

  it('stops any unfinished dossier on a parcel that receives a hold, but not a finished one', () => {
    const hold = {
      parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 102 },
      hold: { authority: 'Công an', documentNumber: '77/QĐ', issuedOn: '2026-11-20' },
      placedAt: at.toISOString(),
    };
    expect(onHoldPlaced(dossier({ status: 'WAITING_FOR_PAYMENT' }), hold, at)).toMatchObject({
      status: 'REFUSED',
    });
    expect(onHoldPlaced(dossier({ status: 'RESULT_READY' }), hold, at)).toBeNull();
  });

  describe('holds as of the registry time (point-in-time answers)', () => {
    const received = new Date('2026-11-23T02:00:00Z');
    const minutes = (n: number) => new Date(received.getTime() + n * 60_000).toISOString();
    const placement = (placedAt: string, liftedAt?: string) => ({
      parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 102 },
      hold: { authority: 'Công an', documentNumber: '78/QĐ', issuedOn: '2026-11-20' },
      placedAt,
      ...(liftedAt ? { liftedAt } : {}),
    });
    /** A dossier whose receipt check found the parcel clear as of `asOf`. */
    const checkedClear = (asOf: string) => {
      const t = onParcelChecked(
        dossier({ receivedAt: received }),
        { ...check('RECEIPT', { status: 'CLEAR', asOf }), checkedAt: minutes(10) },
        at,
        'Bộ phận Một cửa',
        'Bộ phận Một cửa',
      );
      return dossier({
        receivedAt: received,
        status: 'WAITING_FOR_PAYMENT',
        timeline: t?.timeline ?? [],
      });
    };

    it('records a check at the registry as-of time of its answer', () => {
      expect(checkedClear(minutes(1)).timeline[0]).toMatchObject({
        step: 'PARCEL_CHECKED',
        at: new Date(minutes(1)),
      });
    });

    it('does not refuse on a hold lifted before the dossier was received, however late its news', () => {
      const lifted = placement(minutes(-30), minutes(-1));
      expect(onHoldPlaced(dossier({ receivedAt: received }), lifted, at)).toBeNull();
      expect(onHoldPlaced(checkedClear(minutes(1)), lifted, at)).toBeNull();
    });

    it('does not refuse on a hold placed before a registry answer that found the parcel free', () => {
      expect(onHoldPlaced(checkedClear(minutes(1)), placement(minutes(-5)), at)).toBeNull();
    });

    it('refuses on a hold placed after that answer, or before it was received but never seen, even when the news arrives late', () => {
      const late = new Date('2026-11-24T03:00:00Z');
      expect(onHoldPlaced(checkedClear(minutes(1)), placement(minutes(1)), late)).toMatchObject({
        status: 'REFUSED',
        set: { refusal: { code: 'PARCEL.BLOCKED' } },
      });
      // A reused clear answer older than the hold does not hide it.
      expect(onHoldPlaced(checkedClear(minutes(-4)), placement(minutes(-2)), late)).toMatchObject({
        status: 'REFUSED',
      });
      // Lifted after receipt: it was in force while the dossier was being processed.
      expect(
        onHoldPlaced(checkedClear(minutes(1)), placement(minutes(2), minutes(3)), late),
      ).toMatchObject({ status: 'REFUSED' });
    });

    it('lets the answer of a check on its way decide, remembering the hold in case that answer predates it', () => {
      const checking = dossier({ receivedAt: received, status: 'CHECKING_PARCEL' });
      const heard = onHoldPlaced(checking, placement(minutes(-2)), at);
      expect(heard).toMatchObject({
        emit: [],
        set: { holdNotices: [{ documentNumber: '78/QĐ' }] },
      });
      const remembered = dossier({ ...checking, ...heard?.set });
      const answer = (asOf: string) =>
        onParcelChecked(
          remembered,
          { ...check('RECEIPT', { status: 'CLEAR', asOf }), checkedAt: minutes(10) },
          at,
          'Bộ phận Một cửa',
          'Bộ phận Một cửa',
        );
      // Answered as of after the hold and still clear: it was lifted by then.
      expect(answer(minutes(1))).toMatchObject({ status: 'WAITING_FOR_TAX' });
      // Answered as of before the hold was placed: the hold stops the dossier.
      expect(answer(minutes(-3))).toMatchObject({
        status: 'REFUSED',
        set: { refusal: { code: 'PARCEL.BLOCKED', reasonVi: expect.stringContaining('78/QĐ') } },
      });
    });
  });

  it('sends a returned slip back to the citizen and, once supplemented, sends a new revision', () => {
    const slipSent = dossier({
      status: 'WAITING_FOR_TAX',
      slipRevision: 1,
      pauses: [{ from: at, to: null, reason: 'TAX_ASSESSMENT' }],
    });
    const returned = onSlipReturned(
      slipSent,
      {
        dossierCode: slipSent._id,
        slipRevision: 1,
        problems: [
          {
            field: 'parcel.priceZone',
            code: 'SLIP.NO_PRICE',
            messageVi: 'Không có giá đất cho vị trí này',
          },
        ],
      },
      at,
    );
    expect(returned).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      set: { resumeStep: 'TRANSFER_SLIP' },
    });
    const back = dossier({
      status: 'SUPPLEMENT_REQUESTED',
      slipRevision: 1,
      resumeStep: 'TRANSFER_SLIP',
      pauses: returned?.pauses ?? [],
    });
    const resumed = acceptSupplement(back, 'Lê Thu Hà', at, { declaredPriceVnd: 4_500_000_000 });
    expect(resumed).toMatchObject({ status: 'WAITING_FOR_TAX', set: { slipRevision: 2 } });
    expect(resumed.emit[0]).toMatchObject({
      payload: { slipRevision: 2, declaredPriceVnd: 4_500_000_000 },
    });
  });

  it('sends tax a new revision with a corrected buyer, and keeps every other term', () => {
    const back = dossier({
      status: 'SUPPLEMENT_REQUESTED',
      slipRevision: 1,
      resumeStep: 'TRANSFER_SLIP',
    });
    const buyer = {
      fullName: 'Đỗ Thị Mai',
      citizenId: '001190000321',
      address: 'Số 3 phố Huế, Hà Nội',
    };
    // As a request body arrives: every other field of the form present, but undefined.
    const resumed = acceptSupplement(back, 'Lê Thu Hà', at, {
      buyers: [buyer],
      contractDate: undefined,
      declaredPriceVnd: undefined,
    });
    expect(resumed.set?.transfer).toEqual(back.transfer);
    expect(resumed.set).toMatchObject({ buyers: [buyer], sellers: back.sellers });
    expect(resumed.emit[0]).toMatchObject({
      payload: { slipRevision: 2, buyers: [buyer], sellers: back.sellers },
    });
  });

  it('after payment, accepts a new contact but no change to what tax assessed, and goes back to the re-check', () => {
    const paid = dossier({
      status: 'SUPPLEMENT_REQUESTED',
      slipRevision: 1,
      resumeStep: 'HOLDS_RECHECK',
    });
    expect(() => acceptSupplement(paid, 'Lê Thu Hà', at, { declaredPriceVnd: 1 })).toThrow(
      expect.objectContaining({ code: 'SUPPLEMENT.AMOUNTS_AFTER_PAYMENT', httpStatus: 422 }),
    );
    const applicant = { fullName: 'Phạm Minh Khang', contact: { phone: '0987654321' } };
    const resumed = acceptSupplement(paid, 'Lê Thu Hà', at, { applicant });
    expect(resumed).toMatchObject({ status: 'RECHECKING_HOLDS', set: { applicant } });
    expect(resumed.emit[0]).toMatchObject({ payload: { stage: 'PRE_REGISTRATION' } });
    const reviewing = dossier({ status: 'SUPPLEMENT_REQUESTED', resumeStep: 'REVIEW' });
    expect(acceptSupplement(reviewing, 'Lê Thu Hà', at)).toMatchObject({
      status: 'IN_REVIEW',
      emit: [],
    });
    expect(
      requestSupplement(dossier({ status: 'IN_REVIEW' }), 'Thiếu trích lục', 'Quân', at),
    ).toMatchObject({
      set: { resumeStep: 'REVIEW' },
    });
  });

  it('lets an officer ask for a supplement only while the dossier is being worked on, and hand over only a ready result', () => {
    expect(
      requestSupplement(dossier(), 'Thiếu hợp đồng công chứng', 'Lê Thu Hà', at),
    ).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', heldBy: 'citizen' });
    expect(() => requestSupplement(dossier({ status: 'RESULT_READY' }), 'x', 'y', at)).toThrow(
      expect.objectContaining({ code: 'DOSSIER.INVALID_STATE' }),
    );
    expect(() => returnResult(dossier(), 'Lê Thu Hà', at)).toThrow(
      expect.objectContaining({ code: 'DOSSIER.INVALID_STATE' }),
    );
    expect(returnResult(dossier({ status: 'RESULT_READY' }), 'Lê Thu Hà', at)).toMatchObject({
      status: 'DONE',
    });
  });
});
