// Growable typed-array columns for the event tables (inbound messages, preference events, emitted status events),
// whose final sizes are only known after the simulation. Typed arrays instead of arrays of objects keep 10M-message
// runs at a few hundred bytes per message.

type TypedArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

interface TypedCtor<A extends TypedArray> {
  new (length: number): A;
}

export class Column<A extends TypedArray> {
  private buf: A;
  length = 0;

  constructor(private readonly ctor: TypedCtor<A>, capacity = 1024) {
    this.buf = new ctor(Math.max(16, capacity));
  }

  push(value: number): number {
    if (this.length === this.buf.length) {
      const next = new this.ctor(this.buf.length * 2);
      next.set(this.buf as never);
      this.buf = next;
    }
    this.buf[this.length] = value;
    return this.length++;
  }

  get(i: number): number {
    return this.buf[i]!;
  }

  set(i: number, value: number): void {
    this.buf[i] = value;
  }

  /** The filled part as a view (no copy); valid until the next push. */
  view(): A {
    return this.buf.subarray(0, this.length) as A;
  }
}

export const int32 = (capacity?: number): Column<Int32Array> => new Column(Int32Array, capacity);
export const uint8 = (capacity?: number): Column<Uint8Array> => new Column(Uint8Array, capacity);
export const uint16 = (capacity?: number): Column<Uint16Array> => new Column(Uint16Array, capacity);
