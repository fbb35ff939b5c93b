import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { CAUGHT_UP_RECORDS } from './constants';
import { messageStreamMetrics } from './metrics';
import type { MessageStreamParams } from './params';

export const read = (run: RunOutcome) => metricReader(messageStreamMetrics, run.metrics);

/** The blog-count group must not feel the search-indexing group's crash: its lag stays under this. */
export const BLOG_LAG_LIMIT = 100;

export const messageStreamGoals: Goal<MessageStreamParams>[] = [
  {
    id: 'ordered',
    title: "Each author's posts are processed in the order they were published",
    check: (run) => {
      const m = read(run);
      const blog = m.count('orderingViolations', 'blog');
      const search = m.count('orderingViolations', 'search');
      const passed = blog + search === 0;
      return {
        passed,
        detail: passed
          ? `0 records out of order in ${fmt(m.count('processed', 'blog'))} (blog-count) and ${fmt(m.count('processed', 'search'))} (search-indexing) processed.`
          : `${fmt(blog)} records (blog-count) and ${fmt(search)} (search-indexing) were processed after a later post of the same author.`,
      };
    },
  },
  {
    id: 'all-owned',
    title: 'After every rebalance, every partition has a consumer',
    check: (run, p) => {
      const m = read(run);
      const orphaned = m.count('orphanedPartitions');
      const passed = orphaned === 0;
      const rebalances = m.count('rebalances');
      return {
        passed,
        detail: passed
          ? `Every partition had an owner after all ${fmt(rebalances)} rebalances (${p.partitions} partitions, ${p.consumers} consumers per group).`
          : `${fmt(orphaned)} partition${orphaned === 1 ? ' was' : 's were'} left without a consumer after a rebalance (${fmt(rebalances)} rebalances): their records waited for the next one.`,
      };
    },
  },
  {
    id: 'caught-up',
    title: `Both groups end within ${CAUGHT_UP_RECORDS} records of the log end, and blog-count never lags ${BLOG_LAG_LIMIT} after its first join`,
    check: (run) => {
      const m = read(run);
      const blogEnd = m.count('lagAtEnd', 'blog');
      const searchEnd = m.count('lagAtEnd', 'search');
      const blogMax = m.count('steadyLagPeak');
      const passed = blogEnd < CAUGHT_UP_RECORDS && searchEnd < CAUGHT_UP_RECORDS && blogMax < BLOG_LAG_LIMIT;
      return {
        passed,
        detail: `Lag at the end: blog-count ${fmt(blogEnd)}, search-indexing ${fmt(searchEnd)} records (limit ${CAUGHT_UP_RECORDS}); blog-count's largest lag ${fmt(blogMax)} ${blogMax < BLOG_LAG_LIMIT ? '<' : '≥'} ${BLOG_LAG_LIMIT}, search-indexing's ${fmt(m.peak('groupLag', 'search'))}.`,
      };
    },
  },
];
