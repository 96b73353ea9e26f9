import fc from 'fast-check';

// Each mutant reruns the scoring suite; 20 generated cases per property (instead of 100) keep a
// full run near half an hour on two cores. Explicit `examples` and every example test still run.
fc.configureGlobal({ numRuns: 20 });
