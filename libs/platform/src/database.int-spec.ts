import mongoose, { Schema } from 'mongoose';
import { testInfra, uniqueName } from '@lien-thong/test-infra';

describe('mongoose against the real MongoDB-wire server', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: uniqueName('platform') })
      .asPromise();
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('reads back what it wrote, and a unique index refuses a second document with the same key', async () => {
    const Parcel = connection.model(
      'Parcel',
      new Schema({
        key: { type: String, required: true, unique: true },
        areaTenthsM2: Number,
        purpose: String,
      }),
    );
    await Parcel.init();
    await Parcel.create({ key: '01-12-345', areaTenthsM2: 1000, purpose: 'ODT' });
    const found = await Parcel.findOne({ key: '01-12-345' }).lean();
    expect(found).toMatchObject({ key: '01-12-345', areaTenthsM2: 1000, purpose: 'ODT' });
    await expect(
      Parcel.create({ key: '01-12-345', areaTenthsM2: 5, purpose: 'CLN' }),
    ).rejects.toMatchObject({ code: 11000 });
  });
});
