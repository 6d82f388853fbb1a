// wamids in Meta's shape: "wamid." + base64 of a small protobuf-like record holding the user's phone and a hex id
// (outbound: 18 hex chars after 0x11 0x18 0x12, inbound: 22 after 0x12 0x18 0x16, as in real payloads). They are
// recomputed from the message index instead of stored. The first 8 hex chars are mix32(index ^ salt), a bijection,
// so two different indices can never collide; the rest is filler.
import { hash2, mix32, type Rng } from './prng.js';

const buf = Buffer.alloc(96);
const HEX = Buffer.from('0123456789ABCDEF', 'latin1');

/** Writes the first `digits` uppercase hex digits of a uint32 (most significant first) at offset o. */
function writeHex(n: number, digits: number, o: number): number {
  for (let k = 0; k < digits; k++) buf[o + k] = HEX[(n >>> (28 - 4 * k)) & 15]!;
  return o + digits;
}

/** [0x1c 0x18 len] phone marker hex... 0x00, hex = 8 digits of `id` + the first `fill` digits of two filler words. */
function encode(phone: string, marker: readonly number[], id: number, f1: number, f2: number, fill: number): string {
  let o = 0;
  buf[o++] = 0x1c;
  buf[o++] = 0x18;
  buf[o++] = phone.length;
  o += buf.write(phone, o, 'latin1');
  for (const b of marker) buf[o++] = b;
  o = writeHex(id, 8, o);
  o = writeHex(f1, 8, o);
  o = writeHex(f2, fill, o);
  buf[o++] = 0x00;
  return `wamid.${buf.toString('base64', 0, o)}`;
}

const OUT_MARKER = [0x15, 0x02, 0x00, 0x11, 0x18, 0x12] as const;
const IN_MARKER = [0x15, 0x02, 0x00, 0x12, 0x18, 0x16] as const;

export class Wamids {
  private readonly outSalt: number;
  private readonly inSalt: number;
  private readonly fillSalt: number;

  constructor(rng: Rng) {
    this.outSalt = rng.u32();
    this.inSalt = rng.u32();
    this.fillSalt = rng.u32();
  }

  /** wamid of outbound template message `index` (index < 2^32). */
  outbound(index: number, phone: string): string {
    const f = hash2(index, this.fillSalt);
    return encode(phone, OUT_MARKER, mix32(index ^ this.outSalt), f, mix32(f), 2);
  }

  /** wamid of inbound message `index`; a different record layout, so never equal to an outbound one. */
  inbound(index: number, phone: string): string {
    const f = hash2(index, this.fillSalt ^ 0x2545f491);
    return encode(phone, IN_MARKER, mix32(index ^ this.inSalt), f, mix32(f), 6);
  }
}
