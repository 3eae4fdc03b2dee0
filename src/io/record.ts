/**
 * The decision record: what an auditor needs to re-run an allocation and get the same bytes.
 * It holds the SHA-256 of every input file, the scenario as resolved, the weights, the engine and
 * the versions, the optimum, the allocation and the date. `enveloppe verify` re-runs it.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import * as z from 'zod';
// The French locale alone: `z.locales` would bring zod's forty-odd languages into every start (docs/speed.md).
import { fr as zodFrench } from 'zod/v4/locales';
import type { Allocation, Selection } from '../domain/allocation.js';
import { UserError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { say, type Bilingual, type Lang } from '../domain/lang.js';
import { fr, frenchNumber } from './bilingual.js';
import type { Scenario } from '../domain/types.js';
import type { EngineChoice } from '../domain/engines.js';
import { allocationJson } from './allocation-export.js';
import { parsedSha256, readInputFile } from './files.js';
import { loadScenario } from './scenario.js';

export const RECORD_FORMAT = 'enveloppe-decision-record/1';

export interface DecisionRecord {
  readonly format: typeof RECORD_FORMAT;
  readonly date: string;
  readonly enveloppe: string;
  readonly engines: Readonly<Record<string, string>>;
  /** Paths relative to the record's folder, so the record travels with its inputs. */
  readonly inputs: readonly { readonly role: 'scenario' | 'candidates' | 'reviews'; readonly path: string; readonly sha256: string }[];
  readonly selection: { readonly policy: string; readonly weights: Readonly<Record<string, number>> | null; readonly engine: EngineChoice };
  readonly scenario: unknown;
  readonly optimum: number;
  readonly engine: string;
  /** The `--json` document of the allocation, byte for byte. */
  readonly allocation: string;
  /** With `solve --sign`: an Ed25519 signature of the record's other fields, and the public key. */
  readonly signature?: RecordSignature;
}

/** An Ed25519 signature over the JSON of the record without this field. */
export interface RecordSignature {
  readonly algorithm: 'Ed25519';
  /** The signer's public key, SPKI in PEM. */
  readonly publicKey: string;
  /** The signature, base64. */
  readonly value: string;
}

/** Reads an Ed25519 key (PEM), private for --sign or public for --key, or one UserError. */
function readKey(path: string, kind: 'private' | 'public'): KeyObject {
  const field = kind === 'private' ? '--sign' : '--key';
  const hint =
    kind === 'private'
      ? { en: 'Make one with: openssl genpkey -algorithm ed25519 -out key.pem', fr: fr`Créez-en une avec : openssl genpkey -algorithm ed25519 -out key.pem` }
      : { en: 'Export it from the private key with: openssl pkey -in key.pem -pubout -out key.pub.pem', fr: fr`Exportez-la depuis la clé privée avec : openssl pkey -in key.pem -pubout -out key.pub.pem` };
  const french = kind === 'private' ? 'privée' : 'publique';
  let key: KeyObject;
  try {
    const bytes = readInputFile(path, 'key file');
    key = kind === 'private' ? createPrivateKey(bytes) : createPublicKey(bytes);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError({ en: `this is not a ${kind} key in PEM format`, fr: `ce n’est pas une clé ${french} au format PEM` }, { file: path, field, hint, exitCode: 2 });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    const type = key.asymmetricKeyType;
    const message = { en: `this is a ${type ?? 'unknown'} key, not an Ed25519 one`, fr: `c’est une clé ${type ?? 'd’un type inconnu'}, pas une clé Ed25519` };
    throw new UserError(message, { file: path, field, hint, exitCode: 2 });
  }
  return key;
}

/** Reads an Ed25519 private key (PEM), or one UserError. */
export function readSigningKey(path: string): KeyObject {
  return readKey(path, 'private');
}

function readPublicKey(path: string): KeyObject {
  return readKey(path, 'public');
}

/** The bytes a signature covers: the record's JSON without its signature. */
function signedBytes(record: DecisionRecord): Buffer {
  const { signature: _signature, ...rest } = record;
  return Buffer.from(JSON.stringify(rest), 'utf8');
}

/** The record with an Ed25519 signature by `key` over every other field. */
export function signRecord(record: DecisionRecord, key: KeyObject): DecisionRecord {
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { ...record, signature: { algorithm: 'Ed25519', publicKey, value: sign(null, signedBytes(record), key).toString('base64') } };
}

/** Short fingerprint of a public key: the first 16 hex digits of the SHA-256 of its DER form. */
function fingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Checks a record's signature, against `expected` when given; a reason when it fails. */
function checkSignature(record: DecisionRecord, expected: KeyObject | undefined): Result<{ readonly signer: string | undefined }, { readonly reason: Bilingual }> {
  const { signature } = record;
  if (signature === undefined) {
    return expected === undefined ? { ok: true, signer: undefined } : { ok: false, reason: { en: 'the record is not signed, and --key asks for a signature', fr: 'le registre n’est pas signé, et --key demande une signature' } };
  }
  let embedded: KeyObject;
  try {
    embedded = createPublicKey(signature.publicKey);
  } catch {
    return { ok: false, reason: { en: 'the signature\'s public key is not a key', fr: 'la clé publique de la signature n’est pas une clé' } };
  }
  if (expected !== undefined && fingerprint(expected) !== fingerprint(embedded)) {
    const [by, given] = [fingerprint(embedded), fingerprint(expected)];
    return { ok: false, reason: { en: `the record is signed by key ${by}, not by the key given (${given})`, fr: `le registre est signé par la clé ${by}, pas par la clé donnée (${given})` } };
  }
  if (!verify(null, signedBytes(record), embedded, Buffer.from(signature.value, 'base64'))) {
    return { ok: false, reason: { en: 'the signature does not match the record: it was changed after signing', fr: fr`la signature ne correspond pas au registre : il a été modifié après la signature` } };
  }
  return { ok: true, signer: fingerprint(embedded) };
}

/** SHA-256 of the bytes of `path` that were parsed to load `scenario` (read now if they were not). */
export function inputSha256(scenario: Scenario, path: string): string {
  return parsedSha256(path, scenario.inputHashes);
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

/** The scenario without absolute paths (they differ between machines), the loader's notices (they name paths as typed) or the input hashes (the record lists them). */
function portable(scenario: Scenario): unknown {
  const { file: _file, candidatesFile: _candidates, notices: _notices, inputHashes: _hashes, reviews, ...rest } = scenario;
  if (reviews === undefined) return rest;
  const { file: _reviews, ...settings } = reviews.settings;
  return { ...rest, reviews: { ...reviews, settings } };
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
      { role: 'scenario', path: relative(folder, scenario.file), sha256: inputSha256(scenario, scenario.file) },
      { role: 'candidates', path: relative(folder, scenario.candidatesFile), sha256: inputSha256(scenario, scenario.candidatesFile) },
      ...(scenario.reviews === undefined ? [] : [{ role: 'reviews' as const, path: relative(folder, scenario.reviews.settings.file), sha256: inputSha256(scenario, scenario.reviews.settings.file) }]),
    ],
    selection: { policy: selection.policy, weights: selection.weights ?? null, engine },
    scenario: portable(scenario),
    optimum: allocation.objective,
    engine: allocation.engine,
    allocation: allocationJson(allocation, 'optimal'),
  };
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hexadecimal');

/** Every field of a record, strictly: a record missing one, or with one more, is not ours. */
const recordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  date: z.string().refine((text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString() === text, 'an ISO date such as 2026-03-01T10:00:00.000Z'),
  enveloppe: z.string(),
  engines: z.record(z.string(), z.string()),
  inputs: z
    .array(z.strictObject({ role: z.enum(['scenario', 'candidates', 'reviews']), path: z.string().min(1), sha256: hex64 }))
    .refine(
      (inputs) => (['scenario', 'candidates'] as const).every((role) => inputs.filter((input) => input.role === role).length === 1) && inputs.filter((input) => input.role === 'reviews').length <= 1,
      'exactly one scenario and one candidates file',
    ),
  selection: z.strictObject({ policy: z.string(), weights: z.record(z.string(), z.number()).nullable(), engine: z.enum(['jslp', 'highs', 'auto']) }),
  scenario: z.unknown(),
  optimum: z.number(),
  engine: z.string(),
  allocation: z.string(),
  signature: z.strictObject({ algorithm: z.literal('Ed25519'), publicKey: z.string(), value: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/) }).optional(),
});

/** Reads and checks a record file: every field present, of its type, and nothing else. */
export function readRecord(path: string): DecisionRecord {
  let text: string;
  try {
    text = readInputFile(path, 'decision record').toString('utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError({ en: 'no such record file', fr: 'registre de décision introuvable' }, { file: path, hint: GIVE_RECORD, exitCode: 2 });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = (error as Error).message;
    throw new UserError({ en: `this is not a JSON decision record (${why})`, fr: `ce n’est pas un registre de décision JSON (${why})` }, { file: path, hint: GIVE_RECORD });
  }
  const format = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { format?: unknown }).format : undefined;
  if (format !== RECORD_FORMAT) {
    throw new UserError({ en: `this is not an enveloppe decision record (format '${String(format)}')`, fr: fr`ce n’est pas un registre de décision d’enveloppe (format « ${String(format)} »)` }, { file: path, hint: GIVE_RECORD });
  }
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) throw recordIssue(parsed.error, raw, path);
  return parsed.data as DecisionRecord;
}

const GIVE_RECORD: Bilingual = { en: 'Give the file written by solve --record.', fr: 'Donnez le fichier écrit par solve --record.' };

/** The French of the record schema's own messages (zod's are translated by its French locale). */
const FRENCH_CHECKS: Readonly<Record<string, string>> = {
  'a SHA-256 in hexadecimal': 'un SHA-256 en hexadécimal',
  'an ISO date such as 2026-03-01T10:00:00.000Z': 'une date ISO comme 2026-03-01T10:00:00.000Z',
  'exactly one scenario and one candidates file': 'exactement un scénario et un fichier de candidats',
};

/** The first issue of a record that does not match its schema, as one UserError. */
function recordIssue(error: z.ZodError, raw: unknown, path: string): UserError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const english = issue?.message ?? 'invalid';
  const french = FRENCH_CHECKS[english] ?? recordSchema.safeParse(raw, { error: zodFrench().localeError }).error?.issues[0]?.message ?? 'invalide';
  const what =
    issue?.code === 'unrecognized_keys'
      ? { en: `has an unknown field '${issue.keys.join("', '")}'`, fr: `a un champ inconnu ${issue.keys.map((key) => `«\u00a0${key}\u00a0»`).join(', ')}` }
      : { en: `has a missing or malformed field${field === '' ? '' : ` '${field}'`} (${english})`, fr: `a un champ absent ou mal formé${field === '' ? '' : ` «\u00a0${field}\u00a0»`} (${french})` };
  const hint = { en: 'A record is written by solve --record and must not be edited; it cannot be verified.', fr: fr`Un registre est écrit par solve --record et ne doit pas être modifié ; il ne peut pas être vérifié.` };
  return new UserError({ en: `the decision record ${what.en}`, fr: `le registre de décision ${what.fr}` }, { file: path, ...(field === '' ? {} : { field }), hint });
}

/** What `verify` found: reproduced, or the first thing that differs. */
export type Verification = Result<{ readonly summary: string }>;

/**
 * Re-runs a record and compares every field: inputs (the SHA-256 of the very bytes parsed now),
 * versions, the scenario as resolved, the selection, the engine, the optimum and the allocation.
 * The date cannot be re-derived: it is checked to be a valid date and carried over.
 */
/** Solves a scenario again for `verify`: the allocation, or why there is none (the caller owns the solver). */
export type Rerun = (scenario: Scenario, selection: Selection, engine: EngineChoice) => Promise<Allocation | string>;

/** @param lang the language of the verification's reason or summary. @default 'en' */
export async function verifyRecord(path: string, rerun: Rerun, keyFile?: string, lang: Lang = 'en'): Promise<Verification> {
  const found = await reproduce(path, rerun, keyFile);
  return found.ok ? { ok: true, summary: say(found.summary, lang) } : { ok: false, reason: say(found.reason, lang) };
}

/** The French of an input's role. */
const ROLES: Readonly<Record<DecisionRecord['inputs'][number]['role'], string>> = { scenario: 'du scénario', candidates: 'des candidats', reviews: 'des notes' };

async function reproduce(path: string, rerun: Rerun, keyFile: string | undefined): Promise<Result<{ readonly summary: Bilingual }, { readonly reason: Bilingual }>> {
  const key = keyFile === undefined ? undefined : readPublicKey(keyFile);
  const record = readRecord(path);
  const signed = checkSignature(record, key);
  if (!signed.ok) return { ok: false, reason: signed.reason };
  const folder = dirname(resolve(path));
  for (const input of record.inputs) {
    if (!existsSync(resolve(folder, input.path))) {
      return { ok: false, reason: { en: `the ${input.role} file ${input.path} is missing; the record cannot be re-run`, fr: fr`le fichier ${ROLES[input.role]} ${input.path} manque ; le registre ne peut pas être rejoué` } };
    }
  }
  const scenarioInput = record.inputs.find((input) => input.role === 'scenario');
  const candidatesInput = record.inputs.find((input) => input.role === 'candidates');
  if (scenarioInput === undefined || candidatesInput === undefined) return { ok: false, reason: { en: 'the record does not list its inputs', fr: 'le registre ne liste pas ses entrées' } };
  const loaded = await loadScenario(resolve(folder, scenarioInput.path));
  // A lottery given on the command line is in the recorded scenario: the draw is replayed from its seed.
  const lottery = (record.scenario as { lottery?: Scenario['lottery'] } | null)?.lottery;
  const scenario: Scenario = lottery === undefined ? loaded : { ...loaded, lottery };
  if (realpathSync(scenario.candidatesFile) !== realpathSync(resolve(folder, candidatesInput.path))) {
    const now = relative(folder, scenario.candidatesFile);
    return { ok: false, reason: { en: `the scenario now names the candidates file ${now}, not ${candidatesInput.path} as recorded`, fr: `le scénario nomme maintenant le fichier des candidats ${now}, et non ${candidatesInput.path} comme enregistré` } };
  }
  for (const input of record.inputs) {
    const now = inputSha256(scenario, resolve(folder, input.path));
    if (now !== input.sha256) {
      const [hash, recorded] = [now.slice(0, 12), input.sha256.slice(0, 12)];
      return { ok: false, reason: { en: `the ${input.role} file ${input.path} has changed since the record (SHA-256 ${hash}…, recorded ${recorded}…)`, fr: `le fichier ${ROLES[input.role]} ${input.path} a changé depuis le registre (SHA-256 ${hash}…, enregistré ${recorded}…)` } };
    }
  }
  const selection: Selection = record.selection.weights === null ? { policy: record.selection.policy } : { policy: record.selection.policy, weights: record.selection.weights };
  if (!scenario.policies.some((policy) => policy.name === selection.policy)) {
    return { ok: false, reason: { en: `the recorded policy '${selection.policy}' is not in the scenario`, fr: fr`la pondération enregistrée « ${selection.policy} » n’est pas dans le scénario` } };
  }
  // The engine that answered, not `auto`: the allocation is the same on every engine, and the
  // record says which one it was, so the re-run uses that one.
  const answered = record.engine === 'jslp' || record.engine === 'highs' ? record.engine : record.selection.engine;
  const allocation = await rerun(scenario, selection, answered);
  if (typeof allocation === 'string') return { ok: false, reason: { en: `the re-run ended ${allocation}; the record does not reproduce`, fr: fr`le nouveau calcul s’est terminé ainsi : ${allocation} ; le registre ne se reproduit pas` } };
  const remade = makeRecord(path, scenario, selection, record.selection.engine, allocation, new Date(record.date));
  const again = record.signature === undefined ? remade : { ...remade, signature: record.signature };
  const difference = recordDifference(record, again);
  if (difference !== undefined) return { ok: false, reason: difference };
  const by = signed.signer === undefined ? '' : `; signed by key ${signed.signer}${key === undefined ? ' (give --key to require that key)' : ''}`;
  const par = signed.signer === undefined ? '' : fr` ; signé par la clé ${signed.signer}${key === undefined ? ' (donnez --key pour exiger cette clé)' : ''}`;
  return {
    ok: true,
    summary: {
      en: `reproduced byte for byte (${scenario.name}, policy ${record.selection.policy}, optimum ${record.optimum}, recorded ${record.date}${by})`,
      fr: `reproduit octet pour octet (${scenario.name}, pondération ${record.selection.policy}, optimum ${frenchNumber(record.optimum)}, enregistré le ${record.date}${par})`,
    },
  };
}

/** The first field where the recorded and the re-run records differ, in words; undefined when they agree. */
function recordDifference(recorded: DecisionRecord, again: DecisionRecord): Bilingual | undefined {
  if (recorded.enveloppe !== again.enveloppe) {
    return { en: `the record was made with enveloppe ${recorded.enveloppe}, this is ${again.enveloppe}; it cannot be verified with this version`, fr: fr`le registre a été fait avec enveloppe ${recorded.enveloppe}, celle-ci est la ${again.enveloppe} ; il ne peut pas être vérifié avec cette version` };
  }
  // Where two values differ, in both languages (`engines.highs: recorded "1.8", now "1.9"`).
  const where = (a: unknown, b: unknown, at: string): Bilingual | undefined => {
    const en = firstPath(a, b, at, 'en');
    return en === undefined ? undefined : { en, fr: firstPath(a, b, at, 'fr') ?? en };
  };
  const engines = where(recorded.engines, again.engines, 'engines');
  if (engines !== undefined) return { en: `the engine versions differ (${engines.en}); the record cannot be verified with these versions`, fr: fr`les versions des moteurs diffèrent (${engines.fr}) ; le registre ne peut pas être vérifié avec ces versions` };
  const allocation = firstDifference(recorded.allocation, again.allocation);
  if (allocation !== undefined) return { en: `the allocation differs from the record, first at ${allocation}`, fr: `la répartition diffère du registre, d’abord en ${firstDifference(recorded.allocation, again.allocation, 'fr') ?? allocation}` };
  if (recorded.optimum !== again.optimum) return { en: `the optimum differs: recorded ${recorded.optimum}, now ${again.optimum}`, fr: fr`l’optimum diffère : enregistré ${recorded.optimum}, maintenant ${again.optimum}` };
  if (recorded.engine !== again.engine) return { en: `the engine differs: recorded ${recorded.engine}, now ${again.engine}`, fr: fr`le moteur diffère : enregistré ${recorded.engine}, maintenant ${again.engine}` };
  const selection = where(recorded.selection, again.selection, 'selection');
  if (selection !== undefined) return { en: `the selection differs at ${selection.en}`, fr: `la sélection diffère en ${selection.fr}` };
  const scenario = where(recorded.scenario, JSON.parse(JSON.stringify(again.scenario)) as unknown, 'scenario');
  if (scenario !== undefined) return { en: `the resolved scenario differs from the record at ${scenario.en}`, fr: `le scénario résolu diffère du registre en ${scenario.fr}` };
  const inputs = where(recorded.inputs, again.inputs, 'inputs');
  if (inputs !== undefined) return { en: `the inputs differ at ${inputs.en}`, fr: `les entrées diffèrent en ${inputs.fr}` };
  return undefined;
}

/** The path of the first value where two JSON values differ, with both values; undefined when equal. */
function firstPath(a: unknown, b: unknown, at: string, lang: Lang): string | undefined {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    for (const key of keys) {
      const inner = firstPath(Object.hasOwn(left, key) ? left[key] : undefined, Object.hasOwn(right, key) ? right[key] : undefined, Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`, lang);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (lang === 'fr') return fr`${at} : enregistré ${JSON.stringify(a) ?? 'rien'}, maintenant ${JSON.stringify(b) ?? 'rien'}`;
  return `${at}: recorded ${JSON.stringify(a) ?? 'nothing'}, now ${JSON.stringify(b) ?? 'nothing'}`;
}

/** The first line where two texts differ, for a short "what differs" message (in French with `lang: 'fr'`). */
export function firstDifference(expected: string, actual: string, lang: Lang = 'en'): string | undefined {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const [was, now] = [JSON.stringify(a[i] ?? ''), JSON.stringify(b[i] ?? '')];
    return lang === 'fr' ? fr`ligne ${i + 1} : enregistré ${was}, maintenant ${now}` : `line ${i + 1}: recorded ${was}, now ${now}`;
  }
  return undefined;
}
