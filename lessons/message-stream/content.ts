import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { GROUP_TITLE, PARTITION_LABELS } from './constants';
import { messageStreamGoals } from './goals';
import narrative from './lesson.md?raw';
import { messageStreamMetrics } from './metrics';
import { messageStreamParams } from './params';
import { messageStreamPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { messageStreamTheory } from './theory';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the page shows of the message-stream lesson (no models: those load in the worker). */
export default defineContent({
  id: 'message-stream',
  params: messageStreamParams,
  metrics: messageStreamMetrics,
  theory: messageStreamTheory,
  narrative,
  code: { starter, solution, api, exports: ['partition', 'assign'] },
  starterFails: ['ordered', 'all-owned'],
  goals: messageStreamGoals,
  predictions: messageStreamPredictions,
  views: [
    {
      kind: 'logs',
      title: 'Topic "posts": partitions and committed offsets',
      unit: 'records',
      rows: PARTITION_LABELS.map((l) => ({
        label: l,
        start: `${l}LogStart` as const,
        end: `${l}LogEnd` as const,
      })),
      cursors: (['blog', 'search'] as const).map((g) => ({
        label: GROUP_TITLE[g],
        at: PARTITION_LABELS.map((l) => `${l}${cap(g)}Committed` as `${typeof l}BlogCommitted`),
      })),
      rowCount: 'partitionCount',
    },
    { kind: 'topology' },
    { kind: 'timeseries', gauge: 'blogGroupLag', title: 'blog-count lag (backlog)', unit: 'records' },
    { kind: 'timeseries', gauge: 'searchGroupLag', title: 'search-indexing lag (backlog)', unit: 'records' },
    { kind: 'timeseries', gauge: 'rebalancing', title: 'Groups rebalancing (stopped)', unit: 'groups' },
    { kind: 'histogram', summary: 'blogLatencyMs', title: 'blog-count: append to processed', unit: 'ms' },
    { kind: 'statechart', actorKind: 'consumer' },
  ],
  compare: [
    { label: '4 consumers per group', params: { consumers: 4, crashAtMs: 0 } },
    { label: '8 consumers per group', params: { consumers: 8, crashAtMs: 0 } },
  ],
});
