import type { Connection } from 'mongoose';

/** The mongoose methods that send a write command. */
const WRITE_METHODS = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'bulkWrite',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
]);

/**
 * The write commands a service sends its database (its own connection, in the test's
 * process) while fn runs, as `collection.method` in the order they were sent.
 */
export async function writesDuring(
  connection: Connection,
  fn: () => Promise<unknown>,
): Promise<string[]> {
  const writes: string[] = [];
  const count = ({ collectionName, method }: { collectionName: string; method: string }) => {
    if (WRITE_METHODS.has(method)) writes.push(`${collectionName}.${method}`);
  };
  connection.on('operation-start', count);
  try {
    await fn();
  } finally {
    connection.off('operation-start', count);
  }
  return writes;
}
