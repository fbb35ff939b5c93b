import type { ActorOptions, AnyActorLogic } from 'xstate';
import type { Scheduler, Task } from './scheduler';

/** xstate's Clock interface (not exported by name). */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * An xstate Clock on virtual time: `after` delays and delayed events of every
 * actor created with it are scheduled on the engine's scheduler, not on timers.
 */
export function virtualClock(scheduler: Scheduler): Clock {
  return {
    setTimeout: (fn: () => void, timeout: number): Task => scheduler.after(timeout, fn),
    clearTimeout: (task: Task | undefined): void => scheduler.cancel(task),
  };
}
