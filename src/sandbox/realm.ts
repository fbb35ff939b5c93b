import 'ses';

/**
 * Hardened JavaScript (SES) for the realm that runs learner code. `lockdown()` freezes
 * every shared intrinsic (Math, Array.prototype, Function.prototype, ...), so code from
 * a share link cannot patch them for the engine or for the next run; learner code is
 * then evaluated in a Compartment whose global object holds only an allow-list (see
 * evaluate.ts). Call `hardenRealm()` first thing in the sim worker and the CLI's runner
 * thread, before lesson or learner code loads.
 */
export const LOCKDOWN_OPTIONS = {
  // Keep V8's stacks: learner errors are mapped to their line from the stack.
  errorTaming: 'unsafe',
  stackFiltering: 'verbose',
  consoleTaming: 'unsafe',
  // Libraries that assign over a frozen inherited property (the "override mistake",
  // e.g. `obj.toString = ...`) keep working: every such property becomes an accessor.
  overrideTaming: 'severe',
  // The start compartment's own eval is left alone (only trusted modules live there);
  // compartments always get SES's safe evaluator, which rejects `import(...)`.
  evalTaming: 'unsafe-eval',
  // Node only: do not fail on the `domain` module some tools load.
  domainTaming: 'unsafe',
  // Host code may format numbers for the locale; learner code gets no clock to format anyway.
  localeTaming: 'unsafe',
  reporting: 'none',
} as const;

/** True once the shared intrinsics are frozen (by us or by whoever called lockdown first). */
export function isHardened(): boolean {
  return Object.isFrozen(Array.prototype) && Object.isFrozen(Math);
}

/** Idempotent lockdown of the current realm. */
export function hardenRealm(): void {
  if (isHardened()) return;
  lockdown(LOCKDOWN_OPTIONS);
}
