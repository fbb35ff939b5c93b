/**
 * The stable 32-bit hash every router in the kit uses: MurmurHash3 x86_32 (Austin Appleby,
 * public domain, https://github.com/aappleby/smhasher) of the key as one 4-byte block.
 *
 * Why this one: it avalanches well (each input bit flips each output bit with probability
 * about 1/2, which FNV-1a does not achieve on short inputs such as consecutive ids), it is
 * a few integer multiplies with `Math.imul` (same result in every JS engine, no BigInt),
 * and it is the family Cassandra's default partitioner uses (Murmur3Partitioner, the
 * 128-bit variant). Consecutive user ids 0, 1, 2... land all over the ring.
 */
export function hash32(key: number, seed = 0): number {
  let k = key | 0;
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = seed | 0;
  h ^= k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4; // length in bytes
  return fmix32(h);
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 2^32: the size of the hash space (the ring's circumference). */
export const HASH_SPACE = 4294967296;
