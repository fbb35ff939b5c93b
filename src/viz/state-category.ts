/**
 * A small fixed set of state categories, so a colour means the same thing in every
 * panel, lesson and strategy: the category comes from the state's own name, never
 * from which states a run happened to visit. The exact state is always in the label.
 */
export type StateCategory =
  'rest' | 'connecting' | 'requesting' | 'open' | 'busy' | 'moving' | 'closing' | 'down' | 'other';

/** Keywords per category, checked in this order within one name part ("openDelay" is connecting, not open). */
const KEYWORDS: [StateCategory, string[]][] = [
  // "inSync" is a steady state, not a handshake ("syn").
  ['rest', ['insync']],
  ['down', ['down', 'crash', 'dead', 'failed']],
  ['closing', ['closing', 'fin']],
  [
    'connecting',
    [
      'connect',
      'handshake',
      'upgrade',
      'retry',
      'retrying',
      'backoff',
      'loading',
      'starting',
      'delay',
      'syn',
    ],
  ],
  ['requesting', ['request', 'asking', 'sending', 'fetch', 'polling', 'refresh', 'commit']],
  // Data moving between servers (a shard handing keys to another, a replica catching up).
  [
    'moving',
    ['migrat', 'donat', 'receiv', 'transfer', 'copy', 'rebalanc', 'catch', 'behind', 'promot', 'replay'],
  ],
  ['open', ['open', 'held', 'holding', 'stream', 'subscribed', 'established', 'live']],
  ['busy', ['process', 'work', 'handl', 'busy', 'compute', 'spik', 'burst', 'backlog']],
  [
    'rest',
    [
      'idle',
      'wait',
      'accept',
      'serv',
      'listen',
      'ready',
      'closed',
      'sleep',
      'pending',
      'stable',
      'current',
      'standby',
      'steady',
      'follow',
      'lead',
      'watch',
      'rout',
    ],
  ],
];

function categoryOfPart(part: string): StateCategory | undefined {
  const p = part.toLowerCase();
  for (const [cat, words] of KEYWORDS) if (words.some((w) => p.includes(w))) return cat;
  return undefined;
}

/** The category of a state name or dotted path ("shortPolling.waiting"): its innermost part that names one. */
export function stateCategory(state: string): StateCategory {
  if (state === '') return 'rest';
  const parts = state.split(/[.\s/]+/).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const c = categoryOfPart(parts[i]!);
    if (c) return c;
  }
  return 'other';
}

/** What each category means, for legends. */
export const CATEGORY_LABEL: Record<StateCategory, string> = {
  rest: 'resting / waiting',
  connecting: 'connecting / retrying',
  requesting: 'request outstanding',
  open: 'connection open / held',
  busy: 'working',
  moving: 'moving data between servers',
  closing: 'closing',
  down: 'down',
  other: 'other',
};

/**
 * One colour per category, mid-tone so it reads on light and dark panels; blue and purple
 * are left to the messages (request, reply), red to "down".
 */
export const CATEGORY_COLOR: Record<StateCategory, string> = {
  rest: 'var(--node-rest, #94a3b8)',
  connecting: '#eab308',
  requesting: '#f97316',
  open: '#10b981',
  busy: '#ec4899',
  moving: '#0f766e',
  closing: '#a16207',
  down: 'var(--bad, #dc2626)',
  other: '#06b6d4',
};
