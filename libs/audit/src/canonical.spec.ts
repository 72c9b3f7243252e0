import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { canonicalJson, sha256Hex } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so field order never changes the bytes', () => {
    const a = { b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('writes dates as ISO-8601 and leaves undefined properties out', () => {
    expect(canonicalJson({ at: new Date('2026-11-10T03:04:05.678Z'), gone: undefined })).toBe(
      '{"at":"2026-11-10T03:04:05.678Z"}',
    );
  });

  it('keeps Vietnamese text and escapes what JSON escapes', () => {
    expect(canonicalJson({ lý_do: 'Thiếu "hợp đồng"\n' })).toBe(
      '{"lý_do":"Thiếu \\"hợp đồng\\"\\n"}',
    );
  });

  it('refuses what is not plain JSON data instead of guessing', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ b: Buffer.from('x') })).toThrow(/Buffer/);
    expect(() => canonicalJson(new Date('nope'))).toThrow(TypeError);
  });

  it('serializes dates and objects from another realm (a driver, a structured clone) alike', () => {
    const foreign = runInNewContext('({ b: [1], a: new Date("2026-11-10T00:00:00Z") })') as object;
    expect(canonicalJson(foreign)).toBe('{"a":"2026-11-10T00:00:00.000Z","b":[1]}');
    expect(canonicalJson(structuredClone({ at: new Date(0) }))).toBe(
      '{"at":"1970-01-01T00:00:00.000Z"}',
    );
    class Money {
      amount = 1;
    }
    expect(() => canonicalJson(new Money())).toThrow(/Money/);
  });

  it('agrees with JSON.parse: what it writes reads back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
