import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PeriodicTask', () => {
  it('goes on after a failed round, never runs two rounds at once, and stops when told', async () => {
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as unknown as Logger;
    let rounds = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const task = new PeriodicTask(
      'sweep',
      10,
      async () => {
        rounds++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await sleep(35);
        concurrent--;
        if (rounds === 1) throw new Error('database unreachable');
      },
      logger,
    );
    task.start();
    await sleep(300);
    task.stop();
    const stoppedAt = rounds;
    await sleep(100);
    expect(warnings[0]).toBe('sweep failed: Error: database unreachable');
    expect(stoppedAt).toBeGreaterThan(2);
    expect(maxConcurrent).toBe(1);
    expect(rounds).toBe(stoppedAt);
  });
});
