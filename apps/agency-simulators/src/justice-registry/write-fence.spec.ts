import { WriteFence } from './write-fence';

describe('WriteFence', () => {
  it('runs writes one after the other and takes an as-of time only once they are committed', async () => {
    const fence = new WriteFence();
    const log: string[] = [];
    let release!: () => void;
    const first = fence.write(
      () => new Promise<void>((resolve) => (release = () => (log.push('first'), resolve()))),
    );
    const second = fence.write(async () => void log.push('second'));
    const asOf = fence.asOf().then((at) => (log.push('asOf'), at));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual([]);
    release();
    await Promise.all([first, second, asOf]);
    expect(log).toEqual(['first', 'second', 'asOf']);
  });

  it('keeps going after a write that fails', async () => {
    const fence = new WriteFence();
    await expect(fence.write(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(fence.write(async () => 'next')).resolves.toBe('next');
    await expect(fence.asOf()).resolves.toBeInstanceOf(Date);
  });
});
