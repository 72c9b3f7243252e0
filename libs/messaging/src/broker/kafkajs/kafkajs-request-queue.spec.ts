import { nextQueueCheckMs, patchKafkajsRequestQueue } from './kafkajs-request-queue';

// kafkajs's queue of requests to one broker, on its own: no connection, no broker. A request
// is "sent" when the queue calls its sendRequest.
interface Queue {
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  checkPendingRequests(): void;
}
type QueueClass = new (options: object) => Queue;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newQueue(maxInFlightRequests: number) {
  const RequestQueue = require('kafkajs/src/network/requestQueue') as QueueClass;
  const queue = new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'request-queue-spec',
    broker: '127.0.0.1:9092',
    logger: { debug: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const sent: number[] = [];
  let looks = 0;
  const look = queue.checkPendingRequests.bind(queue);
  queue.checkPendingRequests = () => {
    looks++;
    look();
  };
  const push = (correlationId: number) =>
    queue.push({
      entry: {
        correlationId,
        apiKey: 3,
        apiName: 'Metadata',
        apiVersion: 6,
        resolve: () => undefined,
        reject: () => undefined,
      },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });
  const answer = (correlationId: number) =>
    queue.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
  return { queue, sent, push, answer, looks: () => looks };
}

describe('kafkajs looks at a connection’s request queue only when something waits', () => {
  beforeAll(() => {
    expect(patchKafkajsRequestQueue()).toBe(true);
  });

  it('an idle connection stops looking once its last answer is in (kafkajs 2.2.4 looked every millisecond)', async () => {
    const { push, answer, sent, looks } = newQueue(1);
    push(1);
    answer(1);
    const after = looks();
    await sleep(60);
    expect(sent).toEqual([1]);
    expect(looks() - after).toBe(0);
  });

  it('a request waiting behind a full connection is sent when the answer before it comes', () => {
    const { push, answer, sent } = newQueue(1);
    push(1);
    push(2);
    expect(sent).toEqual([1]);
    answer(1);
    expect(sent).toEqual([1, 2]);
  });

  it('a request held back by the broker’s throttling is sent once the throttling ends', async () => {
    const { queue, push, sent } = newQueue(5);
    queue.maybeThrottle(40);
    push(1);
    expect(sent).toEqual([]);
    await sleep(120);
    expect(sent).toEqual([1]);
  });

  it('schedules the next look from what waits and how long the broker throttles', () => {
    expect(nextQueueCheckMs(0, -5)).toBeNull();
    expect(nextQueueCheckMs(0, 0)).toBeNull();
    expect(nextQueueCheckMs(0, 30)).toBe(30);
    expect(nextQueueCheckMs(2, -5)).toBe(10);
    expect(nextQueueCheckMs(2, 30)).toBe(30);
  });
});
