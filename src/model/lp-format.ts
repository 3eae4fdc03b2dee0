import type { AllocationModel, ModelRow, Term } from './types.js';

/** Longest line written: CPLEX's reader stops at 255 characters, so expressions are wrapped. */
const LINE_WIDTH = 200;

/**
 * Writes the model in CPLEX LP format, readable as is by HiGHS, GLPK (`glpsol --lp`) and CBC.
 * The text depends only on the model, so the same inputs give the same bytes.
 */
export function toLpFormat(model: AllocationModel): string {
  const lines: string[] = model.comments.map((comment) => `\\ ${comment.replace(/[\r\n]+/g, ' ')}`);
  lines.push('Maximize');
  lines.push(...expression(' obj:', model.objective));
  lines.push('Subject To');
  for (const row of model.rows) lines.push(...rowLines(row));
  lines.push('Bounds');
  for (const variable of model.variables) {
    if (variable.kind === 'binary') continue;
    const upper = variable.upper === undefined ? '+inf' : lpNumber(variable.upper);
    lines.push(` ${lpNumber(variable.lower)} <= ${variable.name} <= ${upper}`);
  }
  const binaries = model.variables.filter((variable) => variable.kind === 'binary').map((variable) => variable.name);
  const generals = model.variables.filter((variable) => variable.kind === 'integer').map((variable) => variable.name);
  if (binaries.length > 0) lines.push('Binaries', ...wrap(binaries));
  if (generals.length > 0) lines.push('Generals', ...wrap(generals));
  lines.push('End', '');
  return lines.join('\n');
}

function rowLines(row: ModelRow): string[] {
  const { lower, upper } = row;
  if (lower !== undefined && upper !== undefined && lower === upper) return constraint(`${row.name}:`, row.terms, '=', lower);
  const lines: string[] = [];
  const both = lower !== undefined && upper !== undefined;
  if (lower !== undefined) lines.push(...constraint(`${row.name}${both ? '_min' : ''}:`, row.terms, '>=', lower));
  if (upper !== undefined) lines.push(...constraint(`${row.name}${both ? '_max' : ''}:`, row.terms, '<=', upper));
  return lines;
}

function constraint(label: string, terms: readonly Term[], sense: string, rhs: number): string[] {
  const lines = expression(` ${label}`, terms);
  lines[lines.length - 1] += ` ${sense} ${lpNumber(rhs)}`;
  return lines;
}

/** `label c1 x1 + c2 x2 …`, wrapped. An empty sum (a rule group with no member) is written `0 f_0`: LP has no bare constant. */
function expression(label: string, terms: readonly Term[]): string[] {
  const parts = terms.map(([variable, coefficient], position) => {
    const sign = coefficient < 0 ? '-' : position === 0 ? '' : '+';
    const magnitude = Math.abs(coefficient);
    const body = magnitude === 1 ? variable : `${lpNumber(magnitude)} ${variable}`;
    return sign === '' ? body : `${sign} ${body}`;
  });
  if (parts.length === 0) parts.push('0 f_0');
  const lines: string[] = [];
  let line = label;
  for (const part of parts) {
    if (line.length + part.length + 1 > LINE_WIDTH) {
      lines.push(line);
      line = '  ';
    }
    line += ` ${part}`;
  }
  lines.push(line);
  return lines;
}

function wrap(names: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    if (line.length + name.length + 1 > LINE_WIDTH) {
      lines.push(line);
      line = '';
    }
    line += ` ${name}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A number as LP text: no exponent, at most 15 significant digits. */
export function lpNumber(value: number): string {
  // String(1e21) is '1e+21': BigInt writes every digit.
  if (Number.isInteger(value)) return Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
  const text = String(Number(value.toPrecision(15)));
  if (!text.includes('e')) return text;
  return value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}
