export { fmix32, hash32, HASH_SPACE } from './hash';
export * from './routers';
export * from './moves';
export { shardLabels } from './labels';
export * from './ring-view';
