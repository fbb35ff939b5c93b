import { getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import type { TypeProblem } from '../../state/slices/run-slice';
import type { monaco } from './monaco-setup';

type MessageChain = string | { messageText: string; next?: MessageChain[] };

function flatten(m: MessageChain): string {
  if (typeof m === 'string') return m;
  const next = m.next?.map(flatten).join(' ');
  return next ? `${m.messageText} ${next}` : m.messageText;
}

/** The TypeScript errors of a model right now, from Monaco's TypeScript worker (at most `limitMs`). */
export async function typeProblems(
  model: monaco.editor.ITextModel,
  limitMs = 15_000,
): Promise<TypeProblem[]> {
  const check = (async () => {
    const getWorker = await getTypeScriptWorker();
    const worker = await getWorker(model.uri);
    const file = model.uri.toString();
    const found = await Promise.all([
      worker.getSyntacticDiagnostics(file),
      worker.getSemanticDiagnostics(file),
    ]);
    if (model.isDisposed()) return [];
    return found.flat().flatMap((d): TypeProblem[] => {
      if (d.category !== 1) return [];
      const pos = model.getPositionAt(d.start ?? 0);
      return [{ line: pos.lineNumber, column: pos.column, message: flatten(d.messageText) }];
    });
  })();
  const timeout = new Promise<TypeProblem[]>((resolve) => setTimeout(() => resolve([]), limitMs));
  return Promise.race([check, timeout]);
}
