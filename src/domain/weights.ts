/** Weights by criterion column. */
export type Weights = Readonly<Record<string, number>>;
