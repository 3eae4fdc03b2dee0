/** The engines enveloppe can solve with; `auto` chooses (see solver/solve.ts). */
export type EngineName = 'jslp' | 'highs';
export type EngineChoice = EngineName | 'auto';
