/** Slider position 0..1000 <-> value on a log scale between min and max (min > 0). */
export const LOG_STEPS = 1000;

export function toLogPosition(value: number, min: number, max: number): number {
  const lo = Math.log(Math.max(min, 1e-9));
  const hi = Math.log(max);
  return Math.round(((Math.log(Math.max(value, min)) - lo) / (hi - lo)) * LOG_STEPS);
}

export function fromLogPosition(pos: number, min: number, max: number): number {
  const lo = Math.log(Math.max(min, 1e-9));
  const hi = Math.log(max);
  return Math.exp(lo + (pos / LOG_STEPS) * (hi - lo));
}

/** Rounds a value to what a person would type: 2 significant figures, or the step. */
export function niceValue(x: number, step?: number, integer?: boolean): number {
  if (step) x = Math.round(x / step) * step;
  else {
    const mag = 10 ** Math.floor(Math.log10(Math.abs(x) || 1) - 1);
    x = Math.round(x / mag) * mag;
  }
  x = Number(x.toPrecision(12));
  return integer ? Math.round(x) : x;
}
