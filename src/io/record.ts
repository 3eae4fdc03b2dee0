/**
 * The decision record: what an auditor needs to re-run an allocation and get the same bytes.
 * It holds the SHA-256 of every input file, the scenario as resolved, the weights, the engine and
 * the versions, the optimum, the allocation and the date. `enveloppe verify` re-runs it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import type { Allocation, Selection } from '../domain/allocation.js';
import { UserError } from '../domain/errors.js';
import type { Scenario } from '../domain/types.js';
import type { EngineChoice } from '../domain/engines.js';
import { allocationJson } from './allocation-export.js';

export const RECORD_FORMAT = 'enveloppe-decision-record/1';

export interface DecisionRecord {
  readonly format: typeof RECORD_FORMAT;
  readonly date: string;
  readonly enveloppe: string;
  readonly engines: Readonly<Record<string, string>>;
  /** Paths relative to the record's folder, so the record travels with its inputs. */
  readonly inputs: readonly { readonly role: 'scenario' | 'candidates'; readonly path: string; readonly sha256: string }[];
  readonly selection: { readonly policy: string; readonly weights: Readonly<Record<string, number>> | null; readonly engine: EngineChoice };
  readonly scenario: unknown;
  readonly optimum: number;
  readonly engine: string;
  /** The `--json` document of the allocation, byte for byte. */
  readonly allocation: string;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    let folder = dirname(require.resolve(name));
    // Walk up from the entry file to the package's own manifest.
    for (let depth = 0; depth < 5; depth++) {
      try {
        const manifest = JSON.parse(readFileSync(resolve(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {
        // no manifest at this level
      }
      folder = dirname(folder);
    }
  } catch {
    // not resolvable
  }
  return 'unknown';
}

/** Versions of enveloppe and of the engines, as installed. */
export function versions(): { enveloppe: string; engines: Record<string, string> } {
  const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return { enveloppe: own.version ?? 'unknown', engines: { 'javascript-lp-solver': packageVersion('javascript-lp-solver'), highs: packageVersion('highs') } };
}

/** The scenario without absolute paths (they differ between machines). */
function portable(scenario: Scenario): unknown {
  const { file: _file, candidatesFile: _candidates, ...rest } = scenario;
  return rest;
}

export function makeRecord(recordPath: string, scenario: Scenario, selection: Selection, engine: EngineChoice, allocation: Allocation, date: Date): DecisionRecord {
  const folder = dirname(resolve(recordPath));
  const { enveloppe, engines } = versions();
  return {
    format: RECORD_FORMAT,
    date: date.toISOString(),
    enveloppe,
    engines,
    inputs: [
      { role: 'scenario', path: relative(folder, scenario.file), sha256: sha256(scenario.file) },
      { role: 'candidates', path: relative(folder, scenario.candidatesFile), sha256: sha256(scenario.candidatesFile) },
    ],
    selection: { policy: selection.policy, weights: selection.weights ?? null, engine },
    scenario: portable(scenario),
    optimum: allocation.objective,
    engine: allocation.engine,
    allocation: allocationJson(allocation, 'optimal'),
  };
}

/** Reads and checks a record file. */
export function readRecord(path: string): DecisionRecord {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError('no such record file', { file: path, hint: 'Give the file written by solve --record.', exitCode: 2 });
  }
  let record: Partial<DecisionRecord>;
  try {
    record = JSON.parse(text) as Partial<DecisionRecord>;
  } catch (error) {
    throw new UserError(`this is not a JSON decision record (${(error as Error).message})`, { file: path });
  }
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.inputs) || typeof record.allocation !== 'string' || record.selection === undefined) {
    throw new UserError(`this is not an enveloppe decision record (format '${String(record.format)}')`, { file: path, hint: 'Give the file written by solve --record.' });
  }
  return record as DecisionRecord;
}

/** The first line where two texts differ, for a short "what differs" message. */
export function firstDifference(expected: string, actual: string): string | undefined {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: recorded ${JSON.stringify(a[i] ?? '')}, now ${JSON.stringify(b[i] ?? '')}`;
  }
  return undefined;
}
