import { lastValueFrom, of } from 'rxjs';
import type { ExecutionContext } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { DomainException } from '../errors/domain-exception';
import { DEFAULT_MAINTENANCE_NOTICE_VI, MaintenanceMode } from './maintenance-mode';
import type { MaintenanceRepository, MaintenanceState } from './maintenance.repository';
import { MaintenanceInterceptor } from './refused-during-maintenance';

const operator = { subject: 's-1', username: 'vanhanh' } as Actor;

function repository(initial: MaintenanceState | null = null) {
  let stored = initial;
  let reads = 0;
  let failing = false;
  const repo = {
    read: () => {
      reads++;
      return failing ? Promise.reject(new Error('database down')) : Promise.resolve(stored);
    },
    write: (state: MaintenanceState) => {
      stored = state;
      return Promise.resolve();
    },
  };
  return {
    repo: repo as unknown as MaintenanceRepository,
    reads: () => reads,
    fail: () => (failing = true),
    set: (s: MaintenanceState) => (stored = s),
  };
}

describe('the maintenance mode', () => {
  it('is off until switched, then refuses marked routes with the notice', async () => {
    const db = repository();
    const mode = new MaintenanceMode(db.repo);
    const interceptor = new MaintenanceInterceptor(mode);
    const handled = () =>
      lastValueFrom(interceptor.intercept({} as ExecutionContext, { handle: () => of('done') }));
    await expect(handled()).resolves.toBe('done');
    const state = await mode.switch(true, undefined, operator);
    expect(state).toMatchObject({ on: true, noticeVi: DEFAULT_MAINTENANCE_NOTICE_VI });
    const refusal = await handled().catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DomainException);
    expect(refusal).toMatchObject({ code: 'SERVICE.MAINTENANCE', httpStatus: 503 });
  });

  it('reads what another replica switched within a second, and keeps the last state if it cannot', async () => {
    const db = repository();
    const mode = new MaintenanceMode(db.repo);
    expect((await mode.current()).on).toBe(false);
    await Promise.all([mode.current(), mode.current()]);
    expect(db.reads()).toBe(1); // fresh: not read again
    db.set({ on: true, noticeVi: 'Bảo trì', since: new Date() });
    jest.useFakeTimers({ now: Date.now() + 1_500, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      expect(await mode.current()).toMatchObject({ on: true, noticeVi: 'Bảo trì' });
      db.fail();
      jest.setSystemTime(Date.now() + 1_500);
      expect((await mode.current()).on).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
