import { Model } from 'mongoose';

const chains = new Map<string, Promise<void>>();

/**
 * Runs fn alone for this document within this process. MongoDB makes each single-document
 * update atomic, but FerretDB v1 on SQLite does not under concurrency (measured: 20
 * concurrent $inc on one document left it at 14; a conditional update had 4 winners out
 * of 10). Every read-modify-write of a document that also carries an outbox therefore
 * goes through this lock, and so does the relay when it marks entries published. It holds
 * for one instance per service, which is how this project deploys on FerretDB; on MongoDB
 * the conditional writes are atomic across instances as well. Never nest it for one key.
 */
export async function withDocumentLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
  chains.set(key, mine);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (chains.get(key) === mine) chains.delete(key);
  }
}

/** `collection:id`, the key of a document's lock. */
export function documentKey(model: Pick<Model<unknown>, 'collection'>, id: unknown): string {
  return `${model.collection.name}:${String(id)}`;
}
