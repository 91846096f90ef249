/**
 * The browser build's stand-ins for Node's built-ins (src/web/shims/) give what Node gives: the
 * page's readers call them where the command line calls Node, and a difference would be a
 * different verdict or reason. Each is run here beside Node's own on the same input: the raw
 * inflate stream (the browser's native one, and fflate's where the browser has none), whole
 * inflate with its output limit, and the Buffer coders and search the sheet scanner calls.
 */
import { Buffer as NodeBuffer } from 'node:buffer';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Buffer } from '../../src/web/shims/buffer-class.js';
import { FflateInflateRaw, inflateRawSync } from '../../src/web/shims/inflate-fflate.js';
import { NativeInflateRaw } from '../../src/web/shims/inflate-native.js';
import { crc32 } from '../../src/web/shims/zlib.js';

const XML = NodeBuffer.from(Array.from({ length: 4000 }, (_, i) => `<row r="${i}"><c t="s"><v>${(i * 7919) % 1000}</v></c></row>`).join(''));
const DEFLATED = zlib.deflateRawSync(XML);

/** The whole of a stream's output and its error's message, if any, with the input fed in 1000-byte chunks. */
async function through(stream: NodeJS.ReadWriteStream, input: Uint8Array): Promise<{ out: string; error?: string; code?: string }> {
  const chunks: Buffer[] = [];
  const feed = Readable.from(Array.from({ length: Math.ceil(input.length / 1000) }, (_, i) => NodeBuffer.from(input.subarray(i * 1000, (i + 1) * 1000))));
  return new Promise((resolve) => {
    stream.on('data', (c: Buffer) => chunks.push(NodeBuffer.from(c)));
    stream.on('end', () => resolve({ out: NodeBuffer.concat(chunks).toString('latin1') }));
    stream.on('error', (e: Error & { code?: string }) => resolve({ out: NodeBuffer.concat(chunks).toString('latin1'), error: e.message, code: e.code }));
    feed.pipe(stream as unknown as NodeJS.WritableStream);
  });
}

const inputs: [string, Uint8Array][] = [
  ['a whole part', DEFLATED],
  // zlib stops at the deflate stream's end; the browser's inflater refuses what follows.
  ['a part with bytes after its end', NodeBuffer.concat([DEFLATED, NodeBuffer.from('junk after the end')])],
  ['a part cut short', DEFLATED.subarray(0, DEFLATED.length - 200)],
  ['a part with a bad block type', NodeBuffer.concat([NodeBuffer.from([0x07]), DEFLATED.subarray(1)])],
];

describe('the raw inflate stream', () => {
  for (const [what, input] of inputs) {
    it(`gives Node's output and error for ${what}`, async () => {
      const node = await through(zlib.createInflateRaw(), input);
      expect(await through(new NativeInflateRaw() as unknown as NodeJS.ReadWriteStream, input)).toEqual(node);
      // fflate's stream (where a browser has no inflater of its own) may hand out a little more of
      // a part cut short before it fails, as it inflates a chunk whole: the same bytes, the same error.
      const fflate = await through(new FflateInflateRaw({ chunkSize: 4096 }) as unknown as NodeJS.ReadWriteStream, input);
      expect({ ...fflate, out: fflate.out.slice(0, node.out.length) }).toEqual(node);
      if (!node.error) expect(fflate.out).toBe(node.out);
    });
  }
  it('is held to Node on a part Node inflates without fault', async () => {
    expect((await through(zlib.createInflateRaw(), DEFLATED)).out).toBe(XML.toString('latin1'));
  });
});

describe('inflateRawSync', () => {
  it('inflates as Node does, and refuses past maxOutputLength as Node does', () => {
    expect(NodeBuffer.from(inflateRawSync(DEFLATED)).equals(zlib.inflateRawSync(DEFLATED))).toBe(true);
    const node = (() => {
      try {
        zlib.inflateRawSync(DEFLATED, { maxOutputLength: 100 });
      } catch (e) {
        return (e as NodeJS.ErrnoException).code;
      }
    })();
    expect(node).toBe('ERR_BUFFER_TOO_LARGE');
    expect(() => inflateRawSync(DEFLATED, { maxOutputLength: 100 })).toThrow(expect.objectContaining({ code: node }));
  });

  it('gives a zip’s CRC-32 as Node does', () => {
    expect(crc32(XML)).toBe(zlib.crc32(XML));
    expect(crc32(XML.subarray(100), crc32(XML.subarray(0, 100)))).toBe(zlib.crc32(XML));
  });
});

describe('the Buffer the sheet scanner is handed', () => {
  const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
  const both = [NodeBuffer.from(bytes), Buffer.from(bytes)] as const;

  it('decodes Latin-1, UTF-8 and UTF-16 as Node does, 0x80–0x9F and lone surrogates too', () => {
    for (const [start, end] of [[0, 512], [3, 301], [128, 160], [10, 10]]) {
      for (const enc of ['latin1', 'binary', 'utf8', 'utf16le', undefined] as const) expect(both[1].toString(enc, start, end), `${enc} ${start}–${end}`).toBe(both[0].toString(enc, start, end));
    }
    const raw = both.map((b) => b as unknown as { latin1Slice(s: number, e: number): string; ucs2Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string });
    for (const f of ['latin1Slice', 'ucs2Slice', 'utf8Slice'] as const) expect(raw[1][f](1, 401), f).toBe(raw[0][f](1, 401));
  });

  it('finds bytes and ASCII strings where Node finds them, from any offset', () => {
    const xml = [NodeBuffer.from(XML.subarray(0, 3000)), Buffer.from(XML.subarray(0, 3000))] as const;
    for (const needle of ['<', '</c>', '?>', 'nowhere', 0x3c, NodeBuffer.from('<v>'), '>']) {
      for (const from of [undefined, 0, 17, 2999, 5000, -10]) expect(xml[1].indexOf(needle as string, from), `${String(needle)} from ${from}`).toBe(xml[0].indexOf(needle as string, from));
    }
  });
});
