/**
 * Loads Monaco from the local package (no CDN: the app must work offline) and configures
 * it once, before any model exists: the TypeScript worker reads the compiler options
 * when it starts, and models created earlier would be checked with the defaults.
 *
 * Slim import: the core API, the editor features and TypeScript only. The full
 * 'monaco-editor' entry adds ~80 languages and css/html/json workers nobody here uses.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import {
  ModuleKind,
  ModuleResolutionKind,
  typescriptDefaults,
  type ScriptTarget,
} from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

typescriptDefaults.setCompilerOptions({
  // ES2022; monaco's ScriptTarget enum stops at ES2020 but the bundled TypeScript knows 9.
  target: 9 as ScriptTarget,
  // No DOM: learner code runs in a locked-down worker where document, fetch, timers... are gone.
  lib: ['es2022'],
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  strict: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  // Sucrase compiles the learner's file on its own, so flag what only whole-program emit allows.
  isolatedModules: true,
  allowNonTsExtensions: true,
  noEmit: true,
});
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });

// console is not blocked in the sandbox (it is the learner's debugging tool), but it comes
// from the DOM lib we leave out; declare the part a learner would use.
typescriptDefaults.addExtraLib(
  `declare var console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  table(data: unknown): void;
};\n`,
  'file:///lessons/__globals__/console.d.ts',
);

export { monaco, typescriptDefaults };
