import { useCallback } from 'react';

interface Props {
  /** Accessible name, e.g. "Resize the narrative column". */
  label: string;
  /** Current size in px of the pane this splitter resizes. */
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (a left pane), -1 for a right pane. */
  direction: 1 | -1;
  onChange(px: number): void;
}

/** A vertical drag handle between two columns; arrow keys resize it too. */
export function Splitter({ label, value, min, max, direction, onChange }: Props) {
  const clamp = useCallback((x: number) => Math.min(max, Math.max(min, x)), [min, max]);
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const start = value;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => onChange(clamp(start + direction * (ev.clientX - startX)));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          onChange(clamp(value + direction * (e.key === 'ArrowRight' ? 24 : -24)));
        }
      }}
    />
  );
}
