import type { Stack } from '../stack';
import { landOfficeOf } from '../land-office';
import { authAs, SAMPLE_USERS } from '../sample-users';
import type { ChaosCitizen } from './chaos-scenarios';
import type { ChaosDatabases } from './chaos-databases';
import { request } from './chaos-http';

interface OfficeDossier {
  _id: string;
  status: string;
  unit: string;
  assignee?: { username: string } | null;
  proposal?: { by: { username: string } } | null;
  timeline?: { step: string }[];
}

/**
 * Plays the land office and the citizens' own decisions during the chaos run, through the
 * public API as the sample officers: the unit's land officer claims and proposes every
 * dossier in the review queue and the leader approves it; for the citizens whose scenario
 * says so, the leader first sends it back once, the officer refuses it after payment, or the
 * citizen withdraws it once the tax notice is out. A call that fails (a service down) is
 * tried again on the next tick.
 */
export class LandOfficeDriver {
  private readonly busy = new Set<string>();

  constructor(
    private readonly stack: Stack,
    private readonly databases: ChaosDatabases,
    private readonly citizens: Map<string, ChaosCitizen>,
  ) {}

  async tick(): Promise<void> {
    const dossiers = await this.databases.find<OfficeDossier>(
      'land-registry',
      'dossiers',
      { status: { $in: ['IN_REVIEW', 'AWAITING_APPROVAL', 'WAITING_FOR_PAYMENT'] } },
      { _id: 1, status: 1, unit: 1, assignee: 1, proposal: 1, 'timeline.step': 1 },
    );
    await Promise.all(
      dossiers.map((d) => {
        const citizen = this.citizens.get(d._id);
        return citizen && !this.busy.has(d._id) ? this.act(d, citizen) : undefined;
      }),
    );
  }

  private async call(method: string, path: string, as: string, body?: unknown): Promise<void> {
    const answer = await request(
      method,
      `${this.stack.url['land-registry']}${path}`,
      body,
      await authAs(as),
    );
    // 409: someone (an earlier tick whose answer was lost) already did it; the next tick sees.
    if (answer.status >= 300 && answer.status !== 409)
      throw new Error(`${method} ${path}: HTTP ${answer.status}`);
  }

  private async act(d: OfficeDossier, citizen: ChaosCitizen): Promise<void> {
    const decision = citizen.scenario.lifecycle;
    const { officer, leader } = landOfficeOf(d.unit);
    const path = `/dossiers/${d._id}`;
    this.busy.add(d._id);
    try {
      if (d.status === 'WAITING_FOR_PAYMENT') {
        if (decision === 'WITHDRAW')
          await this.call('POST', `${path}/withdrawal`, SAMPLE_USERS.counterHaNoi, {
            reasonVi: 'Hai bên thỏa thuận hủy hợp đồng chuyển nhượng',
          });
        return;
      }
      if (d.status === 'IN_REVIEW') {
        if (!d.assignee) await this.call('POST', `${path}/review/claim`, officer);
        if (decision === 'REFUSE_AFTER_PAYMENT') {
          await this.call('POST', `${path}/refusal`, officer, {
            reasonVi: 'Hợp đồng chuyển nhượng không đúng quy định về hình thức',
          });
          return;
        }
        await this.call('POST', `${path}/review/proposal`, officer, {
          opinionVi: 'Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký biến động',
        });
        return;
      }
      const sentBack = (d.timeline ?? []).some((t) => t.step === 'SENT_BACK');
      if (decision === 'SEND_BACK' && !sentBack)
        await this.call('POST', `${path}/review/send-back`, leader, {
          reasonVi: 'Cần đối chiếu lại trích lục bản đồ địa chính',
        });
      else await this.call('POST', `${path}/approval`, leader);
    } catch {
      // tried again on the next tick
    } finally {
      this.busy.delete(d._id);
    }
  }
}
