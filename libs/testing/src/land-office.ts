import { SAMPLE_USERS } from './sample-users';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The sample land officer and leader who review and approve a unit's dossiers. */
export function landOfficeOf(unit: string): { officer: string; leader: string } {
  return unit.startsWith('91')
    ? { officer: SAMPLE_USERS.landOfficerAnGiang, leader: SAMPLE_USERS.leaderAnGiang }
    : { officer: SAMPLE_USERS.landOfficerHaNoi, leader: SAMPLE_USERS.leaderHaNoi };
}

export interface LandOfficeCall {
  (method: string, path: string, body: unknown, as: string): Promise<Json>;
}

/**
 * What a land office does with a dossier in its review queue, through the public API: the
 * officer claims it and proposes, the leader approves (registration). With `sendBackFirst`
 * the leader first sends it back with a reason and the officer proposes again.
 */
export async function reviewAndApprove(
  call: LandOfficeCall,
  code: string,
  unit: string,
  options: { sendBackFirst?: boolean } = {},
): Promise<Json> {
  const { officer, leader } = landOfficeOf(unit);
  await call('POST', `/dossiers/${code}/review/claim`, undefined, officer);
  const opinion = { opinionVi: 'Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký biến động' };
  await call('POST', `/dossiers/${code}/review/proposal`, opinion, officer);
  if (options.sendBackFirst) {
    await call(
      'POST',
      `/dossiers/${code}/review/send-back`,
      { reasonVi: 'Cần đối chiếu lại trích lục bản đồ địa chính' },
      leader,
    );
    await call('POST', `/dossiers/${code}/review/proposal`, opinion, officer);
  }
  return call('POST', `/dossiers/${code}/approval`, undefined, leader);
}
