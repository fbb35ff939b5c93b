/**
 * The compact trace a run leaves behind: one row per event in typed-array columns,
 * recorded in fixed-size chunks (no copying as it grows) and flattened once at the
 * end into `TraceData`, which crosses to the UI as transferable buffers.
 */
export const EventKind = {
  /** a = from actor, b = to actor, c = label, v = message id */
  Send: 1,
  /** a = from, b = to, c = label, v = message id */
  Deliver: 2,
  /** a = from, b = to, c = reason, v = message id */
  Drop: 3,
  /** a = actor, c = state name */
  State: 4,
  /** a = gauge index, v = value */
  Gauge: 5,
  /** a = actor (or link source), b = link target or -1, c = description */
  Fault: 6,
  /** A long-lived connection: a = client side, b = server side, c = label, v = 1 opened / 0 closed */
  Connection: 7,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/**
 * How a lesson judges a message it draws: 'ok' (e.g. a fresh read), 'warn' (a stale one),
 * 'bad' (an anomaly: a read that broke a session guarantee). Views colour a message by
 * its tone; most messages have none.
 */
export type Tone = 'ok' | 'warn' | 'bad';
/** Tone codes in `TraceData.tones` (0 = none). */
export const TONE_CODE: Readonly<Record<Tone, number>> = { ok: 1, warn: 2, bad: 3 };
const TONE_OF_CODE: readonly (Tone | undefined)[] = [undefined, 'ok', 'warn', 'bad'];
/** The tone of a string-table entry (a message label), if it has one. */
export const toneOf = (trace: Pick<TraceData, 'tones'>, stringIx: number): Tone | undefined =>
  TONE_OF_CODE[trace.tones[stringIx] ?? 0];

/** Flattened trace columns plus the string table they index into. */
export interface TraceData {
  length: number;
  kind: Uint8Array;
  t: Float64Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  v: Float64Array;
  strings: string[];
  /**
   * One tone code per string-table entry (see TONE_CODE; 0 = none): a label interned with
   * a tone is a separate entry, so a message's tone costs nothing per event.
   */
  tones: Uint8Array;
  gauges: string[];
}

const CHUNK = 8192;

interface Chunk {
  kind: Uint8Array;
  t: Float64Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  v: Float64Array;
}

function newChunk(): Chunk {
  return {
    kind: new Uint8Array(CHUNK),
    t: new Float64Array(CHUNK),
    a: new Int32Array(CHUNK),
    b: new Int32Array(CHUNK),
    c: new Int32Array(CHUNK),
    v: new Float64Array(CHUNK),
  };
}

export class TraceRecorder {
  private chunks: Chunk[] = [];
  private cur: Chunk | undefined;
  private pos = CHUNK;
  private stringIndex = new Map<string, number>();
  readonly strings: string[] = [];
  /** Tone code of each string-table entry (0 = none). */
  private readonly tones: number[] = [];
  readonly gauges: string[] = [];
  length = 0;
  /**
   * Events offered to the trace, recorded or not (disabled, or past the limit): the size
   * the whole run's trace would have, the same whether or not it is recorded.
   */
  offered = 0;
  /**
   * Virtual time of the first event past the limit (undefined: none was), whether or not
   * the trace records: a run without a trace knows where its trace would have ended.
   */
  truncatedAtMs: number | undefined = undefined;

  /**
   * @param enabled record anything at all (the CLI and grading runs do not need a trace)
   * @param limit events recorded at most; later ones are left out (see truncatedAtMs),
   *   so a run of any length holds a bounded trace
   */
  constructor(
    private readonly enabled = true,
    readonly limit = Infinity,
  ) {}

  /**
   * Index of a string in the trace's string table (labels, state names, reasons). A label
   * with a tone gets its own entry, so the same text may appear once per tone.
   */
  intern(s: string, tone?: Tone): number {
    const key = tone === undefined ? s : `\u0000${tone}\u0000${s}`;
    let i = this.stringIndex.get(key);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.tones.push(tone === undefined ? 0 : TONE_CODE[tone]);
      this.stringIndex.set(key, i);
    }
    return i;
  }

  push(kind: EventKind, t: number, a: number, b: number, c: number, v: number): void {
    if (++this.offered > this.limit) {
      this.truncatedAtMs ??= t;
      return;
    }
    if (!this.enabled) return;
    if (this.pos === CHUNK) {
      this.cur = newChunk();
      this.chunks.push(this.cur);
      this.pos = 0;
    }
    const ch = this.cur as Chunk;
    const i = this.pos++;
    ch.kind[i] = kind;
    ch.t[i] = t;
    ch.a[i] = a;
    ch.b[i] = b;
    ch.c[i] = c;
    ch.v[i] = v;
    this.length++;
  }

  /** Bytes held by the recorded columns (allocated chunks). */
  get bytes(): number {
    return this.chunks.length * CHUNK * (1 + 8 + 4 + 4 + 4 + 8);
  }

  toData(): TraceData {
    const n = this.length;
    const out: TraceData = {
      length: n,
      kind: new Uint8Array(n),
      t: new Float64Array(n),
      a: new Int32Array(n),
      b: new Int32Array(n),
      c: new Int32Array(n),
      v: new Float64Array(n),
      strings: this.strings.slice(),
      tones: Uint8Array.from(this.tones),
      gauges: this.gauges.slice(),
    };
    this.chunks.forEach((ch, k) => {
      const off = k * CHUNK;
      const m = Math.min(CHUNK, n - off);
      out.kind.set(ch.kind.subarray(0, m), off);
      out.t.set(ch.t.subarray(0, m), off);
      out.a.set(ch.a.subarray(0, m), off);
      out.b.set(ch.b.subarray(0, m), off);
      out.c.set(ch.c.subarray(0, m), off);
      out.v.set(ch.v.subarray(0, m), off);
    });
    return out;
  }
}
