/** One narrative step: a `## ` heading of lesson.md and the markdown under it. */
export interface NarrativeStep {
  title: string;
  /** Markdown body with `[[predict:id]]` markers left in place for the UI to replace. */
  body: string;
  /** Ids of the predictions this step asks, in order. */
  predictions: string[];
}

const PREDICT = /\[\[predict:([a-z0-9-]+)\]\]/g;

export function parseNarrative(markdown: string): NarrativeStep[] {
  const steps: NarrativeStep[] = [];
  const parts = markdown.split(/^## /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const title = (nl < 0 ? part : part.slice(0, nl)).trim();
    const body = nl < 0 ? '' : part.slice(nl + 1).trim();
    const predictions = [...body.matchAll(PREDICT)].map((m) => m[1] as string);
    steps.push({ title, body, predictions });
  }
  return steps;
}
