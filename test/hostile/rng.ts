// The seeded generator (mulberry32) for the hostile page builder and the fuzzer: the same seed
// gives the same pages on every machine, so a failure can be replayed. The demo's own, reused.
export { mulberry32 as createRng, type Rng } from '../../demo/prng';
