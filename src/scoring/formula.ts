/**
 * A policy's score formula, e.g. `utilite_sociale * (1 + perennite_emplois) / 2`, evaluated in a sandbox.
 * mathjs only parses the text; the tree is walked here, so nothing but arithmetic, comparisons,
 * the declared criteria and the functions listed below can run: no assignment, no function
 * definition, no property access, no import.
 */
import { closest } from '../domain/names.js';
import type { Result } from '../domain/result.js';

/** Moved to domain/names.ts; re-exported so that code written before the move still compiles. */
export { closest };

/** A formula ready to evaluate over rescaled criteria u ∈ [0, 1]. */
export type CompiledFormula = (u: Readonly<Record<string, number>>) => number;

/** A compiled formula and the criteria it names, or why it is refused (with a hint when there is one). */
export type FormulaResult = Result<{ readonly evaluate: CompiledFormula; readonly names: readonly string[] }, { readonly reason: string; readonly hint?: string }>;

/** The functions a formula may call, with the number of arguments each takes. */
const FUNCTIONS: Readonly<Record<string, { readonly arity: [number, number]; readonly fn: (...args: number[]) => number }>> = {
  min: { arity: [1, 99], fn: Math.min },
  max: { arity: [1, 99], fn: Math.max },
  abs: { arity: [1, 1], fn: Math.abs },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  exp: { arity: [1, 1], fn: Math.exp },
  log: { arity: [1, 1], fn: Math.log },
  pow: { arity: [2, 2], fn: Math.pow },
  round: { arity: [1, 1], fn: Math.round },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
};

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
  '<': (a, b) => Number(a < b),
  '>': (a, b) => Number(a > b),
  '<=': (a, b) => Number(a <= b),
  '>=': (a, b) => Number(a >= b),
  '==': (a, b) => Number(a === b),
  '!=': (a, b) => Number(a !== b),
};

/** The slice of mathjs's node shapes the sandbox looks at. */
interface FormulaNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: FormulaNode | string;
  readonly args?: readonly FormulaNode[];
  readonly content?: FormulaNode;
  readonly condition?: FormulaNode;
  readonly trueExpr?: FormulaNode;
  readonly falseExpr?: FormulaNode;
}

type Evaluator = (u: Readonly<Record<string, number>>) => number;

class FormulaRefused extends Error {
  constructor(readonly reason: string, readonly hint?: string) {
    super(reason);
  }
}

type MathjsParse = { parse: (text: string) => unknown };

/**
 * mathjs's single-file build: the same library, but it loads in ~0.25 s where the ES module graph
 * of `import('mathjs')` takes ~1 s here (hundreds of small modules). Node's module cache keeps it
 * loaded after the first formula; this module keeps nothing.
 */
async function loadMathjs(): Promise<MathjsParse> {
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathjsParse;
}

/**
 * Parses and checks a formula against the declared criteria. mathjs is imported lazily:
 * it costs most of a second to load and only formula policies need it.
 */
export async function compileFormula(text: string, criteria: readonly string[]): Promise<FormulaResult> {
  const { parse } = await loadMathjs();
  let root: FormulaNode;
  try {
    root = parse(text) as unknown as FormulaNode;
  } catch (error) {
    return { ok: false, reason: `the formula does not parse (${(error as Error).message})` };
  }
  const names = new Set<string>();
  try {
    const evaluate = build(root, new Set(criteria), names);
    return { ok: true, evaluate, names: [...names].sort() };
  } catch (error) {
    if (error instanceof FormulaRefused) {
      return error.hint === undefined ? { ok: false, reason: error.reason } : { ok: false, reason: error.reason, hint: error.hint };
    }
    throw error;
  }
}

function build(node: FormulaNode, criteria: ReadonlySet<string>, names: Set<string>): Evaluator {
  switch (node.type) {
    case 'ConstantNode': {
      if (typeof node.value !== 'number') throw new FormulaRefused(`only numbers may appear as constants, not ${JSON.stringify(node.value)}`);
      const value = node.value;
      return () => value;
    }
    case 'SymbolNode': {
      const name = node.name ?? '';
      if (name === 'pi') return () => Math.PI;
      if (!criteria.has(name)) {
        const guess = closest(name, [...criteria]);
        throw new FormulaRefused(
          `unknown name '${name}'`,
          guess === undefined ? `A formula may use the declared criteria: ${[...criteria].join(', ')}.` : `Did you mean '${guess}'?`,
        );
      }
      names.add(name);
      return (u) => u[name] ?? Number.NaN;
    }
    case 'ParenthesisNode':
      return build(required(node.content), criteria, names);
    case 'OperatorNode': {
      const args = (node.args ?? []).map((arg) => build(arg, criteria, names));
      const op = node.op ?? '';
      if (args.length === 1) {
        const [a] = args as [Evaluator];
        if (op === '-') return (u) => -a(u);
        if (op === '+') return a;
        throw new FormulaRefused(`the operator '${op}' is not allowed in a score formula`);
      }
      const combine = Object.hasOwn(BINARY, op) ? BINARY[op] : undefined;
      if (combine === undefined || args.length !== 2) {
        throw new FormulaRefused(`the operator '${op}' is not allowed in a score formula`, 'Use + - * / ^ and comparisons.');
      }
      const [a, b] = args as [Evaluator, Evaluator];
      return (u) => combine(a(u), b(u));
    }
    case 'ConditionalNode': {
      const condition = build(required(node.condition), criteria, names);
      const whenTrue = build(required(node.trueExpr), criteria, names);
      const whenFalse = build(required(node.falseExpr), criteria, names);
      return (u) => (condition(u) !== 0 ? whenTrue(u) : whenFalse(u));
    }
    case 'FunctionNode': {
      const callee = node.fn;
      const name = typeof callee === 'string' ? callee : callee?.type === 'SymbolNode' ? callee.name ?? '' : '';
      // Own keys only: 'toString' or '__proto__' must not reach Object.prototype.
      const allowed = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (allowed === undefined) {
        throw new FormulaRefused(
          `calling '${name === '' ? 'an expression' : name}' is not allowed in a score formula`,
          `Allowed functions: ${Object.keys(FUNCTIONS).join(', ')}.`,
        );
      }
      const args = (node.args ?? []).map((arg) => build(arg, criteria, names));
      const [fewest, most] = allowed.arity;
      if (args.length < fewest || args.length > most) {
        throw new FormulaRefused(`${name}() takes ${fewest === most ? fewest : `${fewest} or more`} argument(s), not ${args.length}`);
      }
      return (u) => allowed.fn(...args.map((arg) => arg(u)));
    }
    case 'AssignmentNode':
      throw new FormulaRefused('a score formula may not assign a variable', 'Write a single expression, e.g. utilite_sociale * 2 + financement.');
    case 'FunctionAssignmentNode':
      throw new FormulaRefused('a score formula may not define a function', 'Write a single expression.');
    case 'BlockNode':
      throw new FormulaRefused('a score formula is a single expression, without ; or line breaks');
    default:
      throw new FormulaRefused(`'${node.type.replace(/Node$/, '').toLowerCase()}' expressions are not allowed in a score formula`, 'Use numbers, criteria, + - * / ^ and the allowed functions.');
  }
}

function required(node: FormulaNode | undefined): FormulaNode {
  if (node === undefined) throw new FormulaRefused('the formula is incomplete');
  return node;
}
