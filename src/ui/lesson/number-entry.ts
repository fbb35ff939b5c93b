/** What a typed number knob value means once committed: a value, or why it is refused. */
export type Entry = { ok: true; value: number } | { ok: false; reason: string };

export interface NumberBounds {
  min: number;
  max: number;
  integer?: boolean;
  unit?: string;
}

/** Reads what was typed into a number field (on Enter or leaving it), never per keystroke. */
export function parseEntry(text: string, b: NumberBounds): Entry {
  const trimmed = text.trim();
  const unit = b.unit ? ` ${b.unit}` : '';
  if (trimmed === '') return { ok: false, reason: 'Type a number.' };
  const x = Number(trimmed);
  if (!Number.isFinite(x)) return { ok: false, reason: `“${trimmed}” is not a number.` };
  if (x < b.min || x > b.max)
    return {
      ok: false,
      reason: `${fmt(x)}${unit} is out of range: choose between ${fmt(b.min)} and ${fmt(b.max)}${unit}.`,
    };
  if (b.integer && !Number.isInteger(x)) return { ok: false, reason: 'Use a whole number.' };
  return { ok: true, value: x };
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
