import { ListedNotification, settledRecords } from './notification-records';

const listed = (n: Partial<ListedNotification>): ListedNotification => ({
  template: 'DOSSIER_RECEIVED',
  channel: 'SMS',
  recipient: '0912***678',
  status: 'SENT',
  createdAt: '2026-07-01T02:15:00.000Z',
  sentAt: '2026-07-01T02:15:01.000Z',
  ...n,
});

describe('the messages on an officer’s view of a dossier', () => {
  it('lists each message sent or refused for good, oldest first, leaving out those still tried', () => {
    const records = settledRecords([
      listed({ template: 'OBLIGATIONS_ASSESSED', sentAt: '2026-07-02T03:00:00.000Z' }),
      listed({
        channel: 'EMAIL',
        recipient: 'a***@example.vn',
        status: 'PENDING',
        sentAt: undefined,
        error: 'gateway timeout',
      }),
      listed({
        channel: 'SMS',
        status: 'FAILED',
        sentAt: undefined,
        createdAt: '2026-07-01T02:15:00.500Z',
        error: 'Số điện thoại di động không hợp lệ',
      }),
      listed({}),
    ]);
    expect(records).toEqual([
      {
        at: new Date('2026-07-01T02:15:00.500Z'),
        template: 'DOSSIER_RECEIVED',
        channel: 'SMS',
        recipient: '0912***678',
        status: 'FAILED',
        error: 'Số điện thoại di động không hợp lệ',
      },
      {
        at: new Date('2026-07-01T02:15:01.000Z'),
        template: 'DOSSIER_RECEIVED',
        channel: 'SMS',
        recipient: '0912***678',
        status: 'SENT',
      },
      expect.objectContaining({ template: 'OBLIGATIONS_ASSESSED', status: 'SENT' }),
    ]);
  });
});
