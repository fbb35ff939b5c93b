import { marked } from 'marked';
import { useMemo } from 'react';
import { parseNarrative } from '../../lesson/narrative';
import type { AnyLesson } from '../../lesson/types';
import { selectStep } from '../../state/selectors';
import { useStore } from '../../state/store';
import { Prediction } from './Prediction';

const MARKER = /\[\[predict:([a-z0-9-]+)\]\]/;

/** Markdown pieces and prediction ids, in order: split() keeps the captured ids at odd positions. */
function pieces(body: string): { html?: string; predict?: string }[] {
  return body
    .split(MARKER)
    .map((part, i) => (i % 2 ? { predict: part } : { html: marked.parse(part, { async: false }) }));
}

/** The lesson's story, one `## ` step at a time. */
export function Narrative({ lesson }: { lesson: AnyLesson }) {
  const steps = useMemo(() => parseNarrative(lesson.narrative), [lesson]);
  const index = Math.min(useStore(selectStep), Math.max(0, steps.length - 1));
  const setStep = useStore((s) => s.setStep);
  const current = steps[index];
  const parts = useMemo(() => (current ? pieces(current.body) : []), [current]);
  if (!current) return null;
  return (
    <section className="narrative" aria-labelledby="step-title">
      <p className="step-count">
        Step {index + 1} of {steps.length}
      </p>
      <h2 id="step-title">{current.title}</h2>
      {parts.map((p, i) =>
        p.predict ? (
          <Prediction key={`${index}-${p.predict}`} lesson={lesson} id={p.predict} />
        ) : (
          <div
            key={i}
            className="prose"
            // A table wider than the column scrolls sideways; focusable so the keyboard can scroll it too.
            tabIndex={p.html?.includes('<table') ? 0 : undefined}
            dangerouslySetInnerHTML={{ __html: p.html ?? '' }}
          />
        ),
      )}
      <nav className="step-nav" aria-label="Lesson steps">
        <button type="button" onClick={() => setStep(index - 1)} disabled={index === 0}>
          ← Previous
        </button>
        <button type="button" onClick={() => setStep(index + 1)} disabled={index >= steps.length - 1}>
          Next →
        </button>
      </nav>
    </section>
  );
}
