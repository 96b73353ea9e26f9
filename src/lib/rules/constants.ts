/** The answer id every question gets for "not sure"; zod-free, so browser code can import it. */
export const NOT_SURE = 'not_sure';

/** The currencies an assessment can be priced in (ISO 4217); zod-free for the fleet form. */
export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
