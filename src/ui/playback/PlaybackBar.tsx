import { selectCurrent, selectPlaying, selectSpeed, selectT } from '../../state/selectors';
import { useStore } from '../../state/store';
import { formatClock, formatTime } from '../format';
import { restart, seek, step, togglePlay } from './controls';
import { animationEndMs } from '../../lesson/run-mode';

/** Speeds the slider stops at: one arrow key press moves one stop. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100] as const;

/** The stop nearest to a speed (on a log scale). */
function speedIndex(speed: number): number {
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(SPEEDS[best]! / speed))) best = i;
  });
  return best;
}

function formatSpeed(x: number): string {
  return x < 1 ? `${x.toFixed(2)}×` : x < 10 ? `${x.toFixed(1)}×` : `${Math.round(x)}×`;
}

/** Play/Pause, Step, Restart, the timeline scrubber and the speed slider. */
export function PlaybackBar() {
  const run = useStore(selectCurrent);
  const t = useStore(selectT);
  const playing = useStore(selectPlaying);
  const speed = useStore(selectSpeed);
  const setSpeed = useStore((s) => s.setSpeed);
  const duration = run?.durationMs ?? 0;
  const disabled = !run;
  // An aggregate run's trace ends before the run: the track past that point is hatched.
  const traceEnd = run ? animationEndMs(run) : 0;
  const metricsOnly = run !== null && traceEnd < duration;
  const past = metricsOnly && t > traceEnd;
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        onClick={togglePlay}
        disabled={disabled}
        aria-label={playing ? 'Pause' : 'Play'}
        className="primary"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={() => step(-1)}
        disabled={disabled}
        aria-label="Step back"
        title="Step back (Left arrow)"
      >
        « Back
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        disabled={disabled}
        aria-label="Step"
        title="Step to the next event (Right arrow)"
      >
        Step »
      </button>
      <button
        type="button"
        onClick={restart}
        disabled={disabled}
        aria-label="Restart"
        title="Back to the start"
      >
        ↺ Restart
      </button>
      <div className="scrubber">
        <input
          type="range"
          aria-label="Timeline"
          aria-valuetext={`${formatTime(t)} of ${formatTime(duration)}${past ? ' (metrics only: no trace here)' : ''}`}
          min={0}
          max={duration}
          step="any"
          value={Math.min(t, duration)}
          disabled={disabled}
          onChange={(e) => seek(Number(e.target.value))}
        />
        {metricsOnly ? (
          <div
            className="scrubber-metrics-only"
            data-testid="metrics-only-track"
            style={{ left: `${(100 * traceEnd) / duration}%` }}
            title={`The trace ends at ${formatTime(traceEnd)}: past it, the run was simulated for its metrics and charts, with nothing to animate.`}
          >
            <span>metrics only after t = {formatTime(traceEnd)}</span>
          </div>
        ) : null}
      </div>
      <output className="time" aria-label="Playback time" data-testid="playback-time">
        {formatClock(t)} / {formatTime(duration)}
      </output>
      {past ? (
        <p className="metrics-only-note" role="status" data-testid="metrics-only-note">
          Past {formatTime(traceEnd)} this run kept no trace: the views show no messages; the charts and
          metrics cover the whole run.
        </p>
      ) : null}
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          aria-valuetext={formatSpeed(speed)}
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex(speed)}
          onChange={(e) => setSpeed(SPEEDS[Number(e.target.value)] ?? 1)}
        />
        <span className="speed-value">{formatSpeed(speed)}</span>
      </label>
    </div>
  );
}
