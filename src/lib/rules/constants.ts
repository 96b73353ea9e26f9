/** The answer id every question gets for "not sure"; zod-free, so browser code can import it. */
export const NOT_SURE = 'not_sure';
