import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext } from '../context/event-context';
import { ServiceConfig } from '../config/service-config';
import { createServiceLogger, loggerParams } from './service-logger';

describe('the service logger', () => {
  it('writes JSON lines with service, correlation id, dossier and user, personal data masked', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lien-thong-log-')), 'service.log');
    const config = Object.assign(new ServiceConfig(), { LOG_LEVEL: 'verbose', LOG_FILE: file });
    const logger = createServiceLogger(
      loggerParams(config, { name: 'land-registry', version: '0', title: '', description: '' }),
    );
    runInContext({ correlationId: 'c-1', dossierKey: 'HS-1-000001', user: 'sub-1' }, () => {
      logger.log('received from 001092011223, 0912345678, a.b@example.vn', 'intake');
      logger.warn({ msg: 'parties', buyers: [{ address: 'Số 5 phố Kim Mã' }] }, 'intake');
      logger.error(new Error('cannot reach 0912345678'));
    });
    logger.debug('outside any request');
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'land-registry',
      context: 'intake',
      correlationId: 'c-1',
      dossierCode: 'HS-1-000001',
      user: 'sub-1',
    });
    expect(typeof lines[0]['time']).toBe('string');
    expect(lines[2]).toMatchObject({ level: 'error', msg: 'cannot reach 091****678' });
    expect(lines[3]).not.toHaveProperty('correlationId');
    expect(readFileSync(file, 'utf8')).not.toMatch(/001092011223|0912345678|a\.b@|Kim Mã/);
  });
});
