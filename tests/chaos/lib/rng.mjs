// Seeded randomness for the chaos run: the same seed makes the same choices
// (the page's timing still varies from run to run).

/** A fresh seed: 32 random bits as a positive integer. */
export function randomSeed() {
  return Math.floor(Math.random() * 2 ** 32) || 1;
}

/**
 * A random source from `seed` (mulberry32), with the few draws the run needs.
 * @param {number} seed a whole number
 */
export function makeRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    /** A number in [0, 1). */
    next,
    /** True with probability `p`. */
    chance: (p) => next() < p,
    /** A whole number in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** One element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct elements of `items` (fewer if it has fewer). */
    sample(items, count) {
      const pool = [...items];
      const out = [];
      while (out.length < count && pool.length > 0) {
        out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      }
      return out;
    },
    /** One key of `weights` ({key: weight}), chosen in proportion to its weight. */
    weighted(weights) {
      const entries = Object.entries(weights).filter(([, w]) => w > 0);
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        roll -= w;
        if (roll < 0) return key;
      }
      return entries.at(-1)?.[0];
    },
  };
}
