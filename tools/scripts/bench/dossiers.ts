// Citizens for the benchmark: transfers of generated parcels through the public API, and
// what became of each dossier as seen on the bus.
import { authAs, reviewAndApprove, SAMPLE_USERS } from '@lien-thong/testing';
import { inParallel } from './stats';
import type { SeenEvent } from './observer';

type Json = Record<string, unknown>;

interface Person {
  fullName: string;
  citizenId: string;
  address: string;
}

interface ParcelState {
  ref: { communeCode: string; mapSheetNumber: number; parcelNumber: number };
  certificateSerial: string;
  /** yyyy-MM-dd: a contract on this parcel is signed on this day or later. */
  certificateIssuedOn: string;
  owners: Person[];
}

export interface Tracked {
  phase: string;
  code?: string;
  parcel: ParcelState;
  buyer: Person;
  submittedAt: number;
  acceptedAt?: number;
  registeredAt?: number;
  refusedAt?: number;
  failed?: string;
}

/** What the driver reads of a dossier (see DossierDriver.waitWhile). */
export interface DossierState {
  status: string;
  unit: string;
  /** The current assessment, once the tax service's has been applied. */
  assessment?: { assessmentId: string } | null;
}

/** The contracts' date, unless the parcel's certificate is newer. */
const CONTRACT_DATE = '2026-11-16';

/** The counter officer of the Ba Đình branch receives every dossier (its parcels are there). */
const COUNTER = SAMPLE_USERS.counterBaDinh;

/**
 * The benchmark's own requests to the services, by method and route: its polling of a
 * dossier's view costs the land registry (and, through the officer view, the notification
 * service) CPU that the run counts as the pipeline's.
 */
export const apiRequests = new Map<string, number>();

const route = (method: string, url: string) =>
  `${method} ${new URL(url).pathname
    .replace(/\/dossiers\/(?!transfers\b)[^/]+/, '/dossiers/:code')
    .replace(/\/parcels\/.*/, '/parcels/…')
    .replace(/\/orders\/[^/]+/, '/orders/:id')}`;

async function http(
  method: string,
  url: string,
  body?: unknown,
  as: string = COUNTER,
): Promise<Json> {
  const key = route(method, url);
  apiRequests.set(key, (apiRequests.get(key) ?? 0) + 1);
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(await authAs(as)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Json) : {};
}

/**
 * The generated parcels of the land registry (SEED_BULK_PARCELS: commune 00004, sheets 50+),
 * looked up once through the public API. A parcel whose transfer is registered belongs to
 * its buyer and goes back to the pool, so that the next transfer sells it again.
 */
export class DossierDriver {
  private readonly free: ParcelState[] = [];
  private readonly waitingForParcel: (() => void)[] = [];
  readonly byCode = new Map<string, Tracked>();
  private readonly finishWaiters = new Map<string, () => void>();
  private buyers = 0;
  private readonly landRegistry: string;

  /**
   * With `simulatorsUrl`, the driver plays the citizen who pays at once: as soon as the land
   * registry shows the dossier WAITING_FOR_PAYMENT, it pays the order at the simulated
   * gateway (instead of the gateway's auto-pay, which can overtake the assessment).
   * `stateOf` reads a dossier's status, unit and assessment where the land registry stores
   * them.
   */
  constructor(
    landRegistryUrl: string,
    private readonly stateOf: (code: string) => Promise<DossierState | null>,
    private readonly simulatorsUrl?: string,
  ) {
    this.landRegistry = landRegistryUrl;
  }

  payments = 0;
  reviews = 0;

  /**
   * The citizen pays the order of the dossier's assessment once the land registry shows it
   * waiting for payment: paid earlier, the payment overtakes the assessment there and goes
   * round the retry topic (finding 5).
   */
  private async pay(code: string): Promise<void> {
    const state = await this.waitWhile(code, 'WAITING_FOR_TAX');
    const id = state?.assessment?.assessmentId;
    if (state?.status !== 'WAITING_FOR_PAYMENT' || !id) return;
    await http(
      'POST',
      `${this.simulatorsUrl}/admin/payments/orders/${encodeURIComponent(id)}/pay`,
      {},
      SAMPLE_USERS.operator,
    );
    this.payments++;
  }

  /**
   * The dossier's status once it is no longer `status`, read every 250 ms from the land
   * registry's database (its status, unit and assessment alone). Not through the officer's
   * view, as before: each such read is audited and gathers the dossier's documents and its
   * messages from the notification service, one to three per dossier that the run counted
   * as the pipeline's work (an audit record each) although nobody paying or reviewing
   * causes them.
   */
  private async waitWhile(code: string, status: string): Promise<DossierState | null> {
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      const state = await this.stateOf(code).catch(() => null);
      if (state && state.status !== status) return state;
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  }

  /** A parcel as the cadastral book has it now: its certificate and holders. */
  private async readParcel(ref: ParcelState['ref']): Promise<ParcelState> {
    const p = await http(
      'GET',
      `${this.landRegistry}/parcels/${ref.communeCode}/${ref.mapSheetNumber}/${ref.parcelNumber}`,
    );
    return {
      ref: p.ref as ParcelState['ref'],
      certificateSerial: (p.certificate as { serial: string }).serial,
      certificateIssuedOn: (p.certificate as { issuedOn: string }).issuedOn,
      owners: (p.owners as Person[]).map((o) => ({
        fullName: o.fullName,
        citizenId: o.citizenId,
        address: o.address,
      })),
    };
  }

  /**
   * The parcel once the book shows the buyer as its holder, with the new certificate that
   * registration issued (the book may be written a moment after the registration event).
   */
  private async soldTo(t: Tracked): Promise<ParcelState> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const parcel = await this.readParcel(t.parcel.ref).catch(() => undefined);
      if (parcel?.owners.some((o) => o.citizenId === t.buyer.citizenId)) return parcel;
      await new Promise((r) => setTimeout(r, 250));
    }
    return { ...t.parcel, owners: [t.buyer] };
  }

  async loadParcels(count: number, concurrency = 8): Promise<void> {
    const loaded: ParcelState[] = new Array<ParcelState>(count);
    await inParallel(count, concurrency, async (i) => {
      const ref = {
        communeCode: '00004',
        mapSheetNumber: 50 + Math.floor(i / 1000),
        parcelNumber: 1 + (i % 1000),
      };
      loaded[i] = await this.readParcel(ref);
    });
    this.free.push(...loaded);
  }

  get freeParcels(): number {
    return this.free.length;
  }

  private async takeParcel(): Promise<ParcelState> {
    for (;;) {
      const parcel = this.free.shift();
      if (parcel) return parcel;
      await new Promise<void>((resolve) => this.waitingForParcel.push(resolve));
    }
  }

  private nextBuyer(): Person {
    // 12-digit citizen IDs of Hà Nội (001), male, born 1992, all distinct.
    const n = this.buyers++ % 99_999;
    return {
      fullName: 'Phạm Minh Khang',
      citizenId: `0010920${String(n).padStart(5, '0')}`,
      address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
    };
  }

  private request(parcel: ParcelState, buyer: Person, i: number): Json {
    const phone = `09${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`;
    return {
      // All at the counter: an online dossier needs its buyer to log in, and these are generated.
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      parcel: parcel.ref,
      certificateSerial: parcel.certificateSerial,
      transferKind: 'SALE',
      // Not before the certificate: a resold parcel's was issued when its last sale registered.
      contractDate: [CONTRACT_DATE, parcel.certificateIssuedOn].sort()[1],
      declaredPriceVnd: 2_000_000_000 + (i % 50) * 100_000_000,
      sellers: parcel.owners.map((o) => ({
        ...o,
        relationshipToBuyer: 'NONE',
        ownsOtherResidentialProperty: true,
      })),
      buyers: [buyer],
      applicant: { fullName: buyer.fullName, phone, email: `cong-dan${i}@example.vn` },
    };
  }

  /** Submits one transfer; the dossier is tracked by its code from then on. */
  async submit(phase: string): Promise<Tracked> {
    const parcel = await this.takeParcel();
    const buyer = this.nextBuyer();
    const tracked: Tracked = { phase, parcel, buyer, submittedAt: Date.now() };
    try {
      const res = await http(
        'POST',
        `${this.landRegistry}/dossiers/transfers`,
        this.request(parcel, buyer, this.buyers),
      );
      tracked.acceptedAt = Date.now();
      tracked.code = res.dossierCode as string;
      this.byCode.set(tracked.code, tracked);
    } catch (err) {
      tracked.failed = err instanceof Error ? err.message : String(err);
      this.free.push(parcel);
    }
    return tracked;
  }

  /**
   * The land office's part once the dossier is paid: when it reaches the review queue, the
   * officer claims and proposes and the leader approves (registration needs both since the
   * lifecycle issue), through the public API as those sample users.
   */
  private async review(code: string): Promise<void> {
    // Paid, a dossier goes straight to review.
    const state = await this.waitWhile(code, 'WAITING_FOR_PAYMENT');
    if (state?.status !== 'IN_REVIEW') return;
    const call = (method: string, path: string, body: unknown, as: string) =>
      http(method, `${this.landRegistry}${path}`, body, as);
    await reviewAndApprove(call, code, state.unit);
    this.reviews++;
  }

  /** Feeds the driver what the observer sees: registrations free their parcels. */
  onEvent(e: SeenEvent): void {
    if (e.retry) return;
    if (e.type === 'ObligationsAssessed' && this.simulatorsUrl) {
      void this.pay(e.dossierKey).catch(() => undefined);
      return;
    }
    if (e.type === 'ObligationsPaid' && this.byCode.has(e.dossierKey)) {
      void this.review(e.dossierKey).catch(() => undefined);
      return;
    }
    if (e.type !== 'DossierRegistered' && e.type !== 'DossierRefused') return;
    const apply = () => {
      const t = this.byCode.get(e.dossierKey);
      if (!t) return false;
      if (t.registeredAt !== undefined || t.refusedAt !== undefined) return true;
      if (e.type === 'DossierRegistered') {
        t.registeredAt = e.occurredAt;
        void this.soldTo(t).then((parcel) => this.release(parcel));
      } else {
        t.refusedAt = e.occurredAt;
      }
      this.finishWaiters.get(e.dossierKey)?.();
      this.finishWaiters.delete(e.dossierKey);
      return true;
    };
    // The event may overtake the HTTP answer that tells the code; look again shortly.
    if (!apply()) setTimeout(apply, 2000);
  }

  /** Resolves true once the dossier is registered or refused, false after timeoutMs. */
  whenFinished(t: Tracked, timeoutMs: number): Promise<boolean> {
    if (!t.code) return Promise.resolve(false);
    if (t.registeredAt !== undefined || t.refusedAt !== undefined) return Promise.resolve(true);
    const code = t.code;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.finishWaiters.delete(code);
        resolve(false);
      }, timeoutMs);
      this.finishWaiters.set(code, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private release(parcel: ParcelState): void {
    this.free.push(parcel);
    this.waitingForParcel.shift()?.();
  }

  phase(phase: string): Tracked[] {
    return [...this.byCode.values()].filter((t) => t.phase === phase);
  }
}
