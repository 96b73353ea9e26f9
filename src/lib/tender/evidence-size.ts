/**
 * How large one evidence file may be. On its own, without zod, because the server's start
 * (src/lib/server/start.ts, through body-limit.ts) sets the body limits from it before anything else loads.
 */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
