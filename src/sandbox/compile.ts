import { transform } from 'sucrase';
import type { Diagnostic } from './diagnostic';

export type CompileResult = { ok: true; js: string } | { ok: false; diagnostic: Diagnostic };

/**
 * TypeScript to CommonJS with sucrase: types are stripped, line numbers are kept,
 * so an error's line in the compiled code is its line in the learner's source.
 */
export function compileLearnerCode(source: string): CompileResult {
  try {
    const { code } = transform(source, { transforms: ['typescript', 'imports'], filePath: 'learner.ts' });
    return { ok: true, js: code };
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    const m = /\((\d+):(\d+)\)\s*$/.exec(e.message);
    const line = e.loc?.line ?? (m ? Number(m[1]) : undefined);
    const column = e.loc ? e.loc.column + 1 : m ? Number(m[2]) + 1 : undefined;
    const message = e.message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
    return { ok: false, diagnostic: { kind: 'syntax', message, line, column } };
  }
}
