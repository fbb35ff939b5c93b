import { format } from 'd3';

const thousands = format(',');

/** Numbers as learners read them: "1,145", "55", "0.5". */
export function fmtNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 100 || Number.isInteger(x)) return thousands(Math.round(x));
  if (abs >= 10) return thousands(Math.round(x * 10) / 10);
  return String(Math.round(x * 100) / 100);
}

/** A value with its unit: "55 ms", "1,145 ms", "3 requests". */
export function fmtValue(x: number, unit: string): string {
  return unit ? `${fmtNumber(x)} ${unit}` : fmtNumber(x);
}

/** Virtual time for axes and captions: "850 ms", "12.5 s", "2 min 5 s". */
export function fmtTime(ms: number): string {
  if (ms < 1000) return `${fmtNumber(ms)} ms`;
  if (ms < 60_000) return `${fmtNumber(Math.round(ms / 100) / 10)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms - min * 60_000) / 1000);
  return s ? `${min} min ${s} s` : `${min} min`;
}

/**
 * Virtual time on a narrow axis: as fmtTime below a minute, then minutes:seconds with a
 * tenth where the tick has one ("2:44.8", "3:05"), so ticks a fraction of a second apart
 * late in a run stay distinct and short.
 */
export function fmtAxisTime(ms: number): string {
  if (ms < 60_000) return fmtTime(ms);
  const tenths = Math.round(ms / 100);
  const min = Math.floor(tenths / 600);
  const sec = (tenths - min * 600) / 10;
  const text = tenths % 10 ? sec.toFixed(1) : String(sec);
  return `${min}:${text.padStart(sec < 10 ? text.length + 1 : text.length, '0')}`;
}
