import { assign, setup } from 'xstate';

/** A machine that counts the messages it receives (for engine tests). */
export const sink = setup({ types: { context: {} as { got: number } } }).createMachine({
  id: 'sink',
  initial: 'listening',
  context: () => ({ got: 0 }),
  states: { listening: { on: { '*': { actions: assign({ got: ({ context }) => context.got + 1 }) } } } },
});
