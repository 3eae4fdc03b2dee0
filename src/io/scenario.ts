/**
 * Reads a scenario file (YAML; JSON is YAML too) and its candidates CSV into a checked Scenario.
 * Every mistake becomes one UserError naming the file, the line and the key.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../domain/errors.js';
import { say, type Bilingual, type Lang } from '../domain/lang.js';
import { formatEuros } from '../domain/money.js';
import type { Criterion, Policy, ReturnTier, Scenario } from '../domain/types.js';
import { closest } from '../domain/names.js';
import { compileFormula } from '../scoring/formula.js';
import { rescaled } from '../scoring/score.js';
import { didYouMean, euros, fr, frenchNumber as num, userError } from './bilingual.js';
import { candidatesFromCsv } from './candidates.js';
import { formulaHint, formulaReason } from './formula-messages.js';
import { candidatesWithReviews } from './reviews.js';
import { columnMapProblem, fileColumn, readCandidatesTable } from './columns.js';
import { scenarioSchema, type ScenarioFile } from './scenario-schema.js';
import { dotted, fail, lineOf, schemaError, START_FROM_TINY, type LineOf, type Path } from './scenario-errors.js';
import { resolveLocks, resolveRules } from './scenario-rules.js';
import { canonicalWeights, checkFormulaSize, forbiddenKey, plainYaml } from './scenario-guards.js';
import { canonicalName, readTextFile } from './text.js';
import { inputFiles, type InputFiles } from './files.js';

/** Grant step when the scenario gives none. @default 1000 */
export const DEFAULT_STEP = 1000;

/**
 * Reads, checks and resolves a scenario file and the CSV it names. Its mistakes are UserErrors in
 * both languages; its notices are in `lang`.
 * @param options.lang the language of the notices. @default 'en'
 * @param options.checkFormulas compile each score formula and try it on every candidate (mathjs,
 * ~0.1 s). The simulator leaves it until its first frame is up (tui/launch.ts). @default true
 */
export async function loadScenario(path: string, options: { readonly lang?: Lang; readonly checkFormulas?: boolean } = {}): Promise<Scenario> {
  const file = resolve(path);
  // The files this load reads, with the SHA-256 of their bytes: kept in the scenario, for its record.
  const files = inputFiles();
  const { text, encoding } = readText(path, file, files);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const why = syntax.message.split('\n')[0] ?? '';
    throw userError({ en: `this is not valid YAML: ${why}`, fr: fr`ce n’est pas du YAML valide : ${why}` }, {
      file: path,
      line,
      field: { en: `column ${col}`, fr: `colonne ${col}` },
      hint: { en: 'Check the indentation (spaces, not tabs), the colons and the brackets around this line.', fr: 'Vérifiez l’indentation (des espaces, pas de tabulations), les deux-points et les crochets autour de cette ligne.' },
    });
  }
  const at = (where: Path): number | undefined => lineOf(document, lines, where);
  const raw: unknown = plainYaml(document, path);
  if (raw === null || raw === undefined) {
    throw new UserError({ en: 'the scenario file is empty', fr: 'le fichier du scénario est vide' }, { file: path, hint: START_FROM_TINY });
  }
  forbiddenKey(raw, path, at);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error, raw, path, at);
  const spec = parsed.data;

  const candidatesFile = resolve(dirname(file), spec.candidates);
  // Messages name the CSV as the user would type it: beside the scenario as they named it.
  const shown = isAbsolute(spec.candidates) ? spec.candidates : join(dirname(path), spec.candidates);
  if (!existsSync(candidatesFile)) throw missingCandidates(spec.candidates, candidatesFile, path, at(['candidates']));
  if (spec.sheet !== undefined && !/\.xlsx$/i.test(spec.candidates)) {
    const message = { en: `sheet: '${spec.sheet}' is for an .xlsx candidates file, and ${spec.candidates} is not one`, fr: fr`sheet: « ${spec.sheet} » vaut pour un classeur .xlsx de candidats, et ${spec.candidates} n’en est pas un` };
    fail(message, path, at(['sheet']), 'sheet', { en: 'Remove sheet:, or name the .xlsx workbook in candidates:.', fr: 'Retirez sheet:, ou nommez le classeur .xlsx dans candidates:.' });
  }
  const table = await readCandidatesTable(shown, spec.sheet, files);
  const mapProblem = columnMapProblem(spec.columns, table);
  if (mapProblem !== undefined) fail(mapProblem.message, path, at(['columns', mapProblem.role]), `columns.${mapProblem.role}`, mapProblem.hint);
  const years = Object.keys(spec.envelope.years ?? {});
  const criteria = resolveCriteria(spec, path, at);
  const reviewed = spec.reviews === undefined ? undefined : candidatesWithReviews(table, criteria, years, spec.reviews, { scenario: path, line: at(['reviews']) }, spec.columns, files);
  const candidates = reviewed?.candidates ?? candidatesFromCsv(table, criteria, years, spec.columns);
  // Rules name the file's headers (or a part mapped by columns:): group by the header's own spelling.
  const rules = spec.rules?.map((rule) => ({ ...rule, group: { ...rule.group, column: fileColumn(rule.group.column, table.header, spec.columns) ?? rule.group.column } }));
  const columns = new Set(table.header);
  const envelope = resolveEnvelope(spec, path, at);
  const grant = resolveGrant(spec, path, at);
  checkEnvelopeFundsAGrant(envelope, grant, path, at);
  const scenario: Scenario = {
    name: spec.name,
    description: spec.description ?? '',
    file,
    candidatesFile,
    candidates,
    envelope,
    grant,
    laureates: resolveLaureates(spec, candidates.length, path, at),
    criteria,
    policies: await resolvePolicies(spec, criteria, candidates, shown, path, at, options.checkFormulas ?? true),
    rules: resolveRules(rules === undefined ? spec : { ...spec, rules }, columns, candidates, path, at),
    locks: resolveLocks(spec, candidates, path, at),
    ...noticesOf(path, encoding, shown, table, options.lang ?? 'en'),
    ...(spec.tiebreak === undefined ? {} : { lottery: { seed: String(spec.tiebreak.lottery.seed), band: spec.tiebreak.lottery.band ?? 0 } }),
    ...(reviewed === undefined ? {} : { reviews: reviewed.reviews }),
    inputHashes: Object.fromEntries(files.hashes),
  };
  return scenario;
}

/** The candidates file named by the scenario does not exist: say so at its line, with the nearest CSV beside it. */
function missingCandidates(named: string, resolved: string, file: string, line: number | undefined): UserError {
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(resolved)).filter((name) => /\.(csv|txt|tsv|xlsx)$/i.test(name));
  } catch {
    // The folder does not exist either: no suggestion.
  }
  const guess = closest(basename(resolved), siblings);
  const listed = siblings.slice(0, 5).join(', ');
  return new UserError({ en: `the candidates file '${named}' does not exist`, fr: fr`le fichier des candidats « ${named} » n’existe pas` }, {
    file,
    line,
    field: 'candidates',
    hint:
      guess !== undefined
        ? didYouMean(join(dirname(named), guess))
        : {
            en: `The path is relative to the scenario's folder (${dirname(resolved)})${siblings.length === 0 ? '' : `, which holds ${listed}`}.`,
            fr: `Le chemin part du dossier du scénario (${dirname(resolved)})${siblings.length === 0 ? '' : `, qui contient ${listed}`}.`,
          },
  });
}

function readText(path: string, file: string, files: InputFiles): { text: string; encoding: string } {
  try {
    if (statSync(file).isDirectory()) {
      const hint = { en: 'Give the path of a .yaml file, e.g. scenarios/ptce-2013.yaml.', fr: 'Donnez le chemin d’un fichier .yaml, par exemple scenarios/ptce-2013.yaml.' };
      throw new UserError({ en: 'is a folder, not a scenario file', fr: 'est un dossier, pas un fichier de scénario' }, { file: path, hint, exitCode: 2 });
    }
    return readTextFile(path, SCENARIO_FILE, files);
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError({ en: 'no such scenario file', fr: 'fichier de scénario introuvable' }, { file: path, hint: { en: 'Check the path; the shipped scenarios are in scenarios/.', fr: fr`Vérifiez le chemin ; les scénarios fournis sont dans scenarios/.` }, exitCode: 2 });
    }
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError({ en: `cannot read the scenario file (${code})`, fr: `impossible de lire le fichier du scénario (${code})` }, { file: path });
  }
}

function resolveCriteria(spec: ScenarioFile, file: string, at: LineOf): Criterion[] {
  const seen = new Set<string>();
  return spec.criteria.map((criterion, index) => {
    const where: Path = ['criteria', index];
    if (seen.has(criterion.column)) fail({ en: `the criterion '${criterion.column}' is declared twice`, fr: fr`le critère « ${criterion.column} » est déclaré deux fois` }, file, at(where), dotted([...where, 'column']));
    seen.add(criterion.column);
    const [low, high] = criterion.scale;
    if (!(low < high)) {
      const message = { en: `the scale [${low}, ${high}] must go from a lower to a higher value`, fr: fr`l’échelle [${num(low)} ; ${num(high)}] doit aller d’une valeur basse à une valeur haute` };
      const hint = { en: 'Write the scale as [lowest, highest]; use better: lower for criteria where less is better.', fr: fr`Écrivez l’échelle sous la forme [plus basse, plus haute] ; écrivez better: lower pour les critères où moins vaut mieux.` };
      fail(message, file, at([...where, 'scale']), dotted([...where, 'scale']), hint);
    }
    return { column: canonicalName(criterion.column), label: criterion.label ?? criterion.column, scale: [low, high], better: criterion.better ?? 'higher' };
  });
}

function resolveEnvelope(spec: ScenarioFile, file: string, at: LineOf): Scenario['envelope'] {
  const { total } = spec.envelope;
  if (!(total > 0)) {
    const message = { en: `the envelope total must be a positive number of euros, not ${total}`, fr: `le total de l’enveloppe doit être un nombre d’euros positif, et non ${num(total)}` };
    fail(message, file, at(['envelope', 'total']), 'envelope.total', { en: 'Write the euros to share for the whole period, e.g. total: 3000000.', fr: 'Écrivez les euros à répartir sur toute la période, par exemple total: 3000000.' });
  }
  const years = Object.entries(spec.envelope.years ?? {}).map(([year, ceiling]) => {
    if (!(ceiling > 0)) {
      const message = { en: `the ceiling of ${year} must be a positive number of euros, not ${ceiling}`, fr: `le plafond de ${year} doit être un nombre d’euros positif, et non ${num(ceiling)}` };
      const hint = { en: 'Give each year the most it may spend, or remove envelope.years to have no year ceilings.', fr: 'Donnez à chaque année le plus qu’elle peut dépenser, ou retirez envelope.years pour n’avoir aucun plafond annuel.' };
      fail(message, file, at(['envelope', 'years', year]), `envelope.years.${year}`, hint);
    }
    if (!/^[A-Za-z0-9_]+$/.test(year)) {
      const message = { en: `'${year}' is not a usable year label`, fr: fr`« ${year} » n’est pas un libellé d’année utilisable` };
      fail(message, file, at(['envelope', 'years']), 'envelope.years', { en: 'Use labels such as 2013 or an1 (letters, digits, _).', fr: 'Utilisez des libellés comme 2013 ou an1 (lettres, chiffres, _).' });
    }
    return { year, ceiling };
  });
  return { total, years };
}

function resolveGrant(spec: ScenarioFile, file: string, at: LineOf): Scenario['grant'] {
  const { min, max } = spec.grant;
  const step = spec.grant.step ?? DEFAULT_STEP;
  if (!(step > 0) || !Number.isInteger(step)) fail({ en: `grant.step must be a whole number of euros above 0, not ${step}`, fr: `grant.step doit être un nombre entier d’euros supérieur à 0, et non ${num(step)}` }, file, at(['grant', 'step']), 'grant.step');
  if (!(min >= 0)) fail({ en: `grant.min must be 0 or more, not ${min}`, fr: `grant.min doit valoir 0 ou plus, et non ${num(min)}` }, file, at(['grant', 'min']), 'grant.min');
  if (!(max >= min) || !(max > 0)) fail({ en: `grant.max (${max}) must be positive and at least grant.min (${min})`, fr: `grant.max (${num(max)}) doit être positif et au moins égal à grant.min (${num(min)})` }, file, at(['grant', 'max']), 'grant.max');
  return { min, max, step };
}

/**
 * An envelope, or year ceilings, smaller than the grant floor can fund nobody: every allocation
 * would be empty. Ceilings that add up to less than the total are allowed (the total is then
 * never spent in full).
 */
function checkEnvelopeFundsAGrant(envelope: Scenario['envelope'], grant: Scenario['grant'], file: string, at: LineOf): void {
  if (envelope.total < grant.min) {
    const message = {
      en: `the envelope (${formatEuros(envelope.total)}) is smaller than the smallest grant (grant.min: ${formatEuros(grant.min)}), so no candidate could be funded`,
      fr: fr`l’enveloppe (${euros(envelope.total)}) est inférieure à la plus petite subvention (grant.min : ${euros(grant.min)}) : aucun candidat ne pourrait être financé`,
    };
    fail(message, file, at(['envelope', 'total']), 'envelope.total', { en: 'Raise the envelope or lower grant.min.', fr: 'Augmentez l’enveloppe ou baissez grant.min.' });
  }
  if (envelope.years.length === 0) return;
  const ceilings = envelope.years.reduce((sum, entry) => sum + entry.ceiling, 0);
  if (ceilings < grant.min) {
    const message = {
      en: `the year ceilings add up to ${formatEuros(ceilings)}, less than the smallest grant (grant.min: ${formatEuros(grant.min)}), so no candidate could be funded`,
      fr: fr`les plafonds annuels totalisent ${euros(ceilings)}, moins que la plus petite subvention (grant.min : ${euros(grant.min)}) : aucun candidat ne pourrait être financé`,
    };
    fail(message, file, at(['envelope', 'years']), 'envelope.years', { en: 'Raise the ceilings or lower grant.min.', fr: 'Augmentez les plafonds ou baissez grant.min.' });
  }
}

function resolveLaureates(spec: ScenarioFile, count: number, file: string, at: LineOf): Scenario['laureates'] {
  const min = spec.laureates?.min ?? 0;
  const max = spec.laureates?.max ?? count;
  if (min < 0) fail({ en: `laureates.min must be 0 or more, not ${min}`, fr: `laureates.min doit valoir 0 ou plus, et non ${num(min)}` }, file, at(['laureates', 'min']), 'laureates.min');
  if (max < min) fail({ en: `laureates.max (${max}) is below laureates.min (${min})`, fr: `laureates.max (${num(max)}) est inférieur à laureates.min (${num(min)})` }, file, at(['laureates', 'max']), 'laureates.max');
  return { min, max };
}

/** A score formula compiles, and gives a finite score for every candidate; else the scenario's mistake, at its line. */
async function checkFormula(formula: string, criteria: readonly Criterion[], candidates: Scenario['candidates'], csv: string, file: string, line: number | undefined, field: string): Promise<void> {
  const compiled = await compileFormula(formula, criteria.map((criterion) => criterion.column));
  if (!compiled.ok) fail(formulaReason(compiled.reason), file, line, field, compiled.hint === undefined ? undefined : formulaHint(compiled.hint));
  // A formula that breaks on one candidate (x / 0, log(0)) is the scenario's mistake: say so here, by candidate.
  for (const candidate of candidates) {
    const value = compiled.evaluate(rescaled(candidate, criteria));
    if (!Number.isFinite(value)) {
      const message = { en: `the formula gives ${value} for candidate ${candidate.id} (${csv} line ${candidate.line})`, fr: `la formule donne ${Number.isNaN(value) ? 'NaN (aucun nombre)' : value > 0 ? '+∞' : '−∞'} pour le candidat ${candidate.id} (${csv} ligne ${candidate.line})` };
      fail(message, file, line, field, GUARD_ZERO);
    }
  }
}

async function resolvePolicies(spec: ScenarioFile, criteria: readonly Criterion[], candidates: Scenario['candidates'], csv: string, file: string, at: LineOf, checkFormulas: boolean): Promise<Policy[]> {
  const columns = criteria.map((criterion) => criterion.column);
  const entries = Object.entries(spec.policies ?? {});
  if (entries.length === 0) {
    // No policy declared: every criterion counts the same.
    return [{ name: 'egal', label: 'Poids égaux', weights: Object.fromEntries(columns.map((column) => [column, 1])), returns: [] }];
  }
  const policies: Policy[] = [];
  for (const [name, policy] of entries) {
    const where: Path = ['policies', name];
    const field = `policies.${name}`;
    if ((policy.weights === undefined) === (policy.score === undefined)) {
      const hint = { en: 'Give weights: {criterion: weight, …} or score: "formula".', fr: 'Donnez weights: {critère: poids, …} ou score: "formule".' };
      fail({ en: 'a policy has either weights or a score formula', fr: 'une politique a soit des poids, soit une formule de score' }, file, at(where), field, hint);
    }
    const returns = resolveReturns(policy.returns ?? [], file, at([...where, 'returns']), `${field}.returns`);
    if (policy.score !== undefined) {
      checkFormulaSize(policy.score, file, at([...where, 'score']), `${field}.score`);
      if (checkFormulas) await checkFormula(policy.score, criteria, candidates, csv, file, at([...where, 'score']), `${field}.score`);
      policies.push({ name, label: policy.label ?? name, weights: {}, score: policy.score, returns });
      continue;
    }
    const weights = canonicalWeights(policy.weights ?? {});
    let sum = 0;
    for (const [column, weight] of Object.entries(weights)) {
      if (!columns.includes(column)) {
        const guess = closest(column, columns);
        const hint = guess === undefined ? { en: `Declared criteria: ${columns.join(', ')}.`, fr: fr`Critères déclarés : ${columns.join(', ')}.` } : didYouMean(guess);
        fail({ en: `'${column}' is not a declared criterion`, fr: fr`« ${column} » n’est pas un critère déclaré` }, file, at([...where, 'weights', column]), `${field}.weights.${column}`, hint);
      }
      if (!Number.isFinite(weight) || weight < 0) {
        const message = { en: `the weight of '${column}' must be a number 0 or more, not ${weight}`, fr: fr`le poids de « ${column} » doit être un nombre positif ou nul, et non ${num(weight)}` };
        fail(message, file, at([...where, 'weights', column]), `${field}.weights.${column}`, WEIGHTS_COUNT);
      }
      sum += weight;
    }
    if (!(sum > 0)) {
      const hint = { en: 'Give at least one criterion a weight above 0.', fr: 'Donnez à au moins un critère un poids supérieur à 0.' };
      fail({ en: 'every weight of this policy is zero', fr: 'tous les poids de cette politique sont nuls' }, file, at([...where, 'weights']), `${field}.weights`, hint);
    }
    policies.push({ name, label: policy.label ?? name, weights, returns });
  }
  return policies;
}

function resolveReturns(tiers: readonly (readonly [number, number])[], file: string, line: number | undefined, field: string): ReturnTier[] {
  let previous: ReturnTier | undefined;
  const resolved = tiers.map(([share, value]) => {
    if (!(share > 0) || (previous !== undefined && !(share > previous.share))) {
      const hint = { en: 'Write tiers as [[0.5, 1], [1, 0.4]]: share of the request, value per euro.', fr: fr`Écrivez les paliers ainsi : [[0.5, 1], [1, 0.4]] (part de la demande, valeur par euro).` };
      fail({ en: 'return tiers need shares above 0 that increase', fr: 'les paliers de rendement demandent des parts supérieures à 0 et croissantes' }, file, line, field, hint);
    }
    if (!(value >= 0) || (previous !== undefined && value > previous.value)) fail(TIER_VALUES, file, line, field);
    previous = { share, value };
    return previous;
  });
  if (previous !== undefined && previous.share < 1) fail({ en: `the last return tier must reach the whole request (share 1), not ${previous.share}`, fr: `le dernier palier doit couvrir toute la demande (part 1), et non ${num(previous.share)}` }, file, line, field);
  return resolved;
}

/**
 * Files read as Windows-1252 (not valid UTF-8): said once, so that a wrong guess (a file in another
 * encoding) is noticed; saving from the simulator keeps that encoding.
 */
function noticesOf(path: string, encoding: string, candidates: string, table: object, lang: Lang): { notices?: readonly string[] } {
  const notices: Bilingual[] = [];
  if (encoding === 'windows-1252') notices.push(scenarioIn1252(path));
  if ('encoding' in table && table.encoding === 'windows-1252') notices.push(candidatesIn1252(candidates));
  return notices.length === 0 ? {} : { notices: notices.map((notice) => say(notice, lang)) };
}

/** The notice of a scenario file read as Windows-1252. */
export function scenarioIn1252(path: string): Bilingual {
  return {
    en: `${path} is not UTF-8 and was read as Windows-1252; the simulator saves it back in Windows-1252`,
    fr: fr`${path} n’est pas en UTF-8 et a été lu en Windows-1252 ; le simulateur l’enregistre de nouveau en Windows-1252`,
  };
}

/** The notice of a candidates file read as Windows-1252. */
export function candidatesIn1252(path: string): Bilingual {
  return {
    en: `${path} is not UTF-8 and was read as Windows-1252 (Excel's "CSV (séparateur : point-virgule)"); check that accented names read right`,
    fr: fr`${path} n’est pas en UTF-8 et a été lu en Windows-1252 (le « CSV (séparateur : point-virgule) » d’Excel) ; vérifiez que les noms accentués se lisent bien`,
  };
}

/** What the scenario file is, for the reader's messages. */
const SCENARIO_FILE: Bilingual = { en: 'scenario file', fr: 'le fichier du scénario' };

const GUARD_ZERO: Bilingual = {
  en: 'Guard what can be zero: write a / max(b, 0.01) instead of a / b, and log(max(x, 0.01)) instead of log(x).',
  fr: fr`Protégez ce qui peut valoir zéro : écrivez a / max(b, 0.01) au lieu de a / b, et log(max(x, 0.01)) au lieu de log(x).`,
};

const WEIGHTS_COUNT: Bilingual = {
  en: 'Weights say how much each criterion counts; write 0 for a criterion that should not count.',
  fr: fr`Les poids disent combien compte chaque critère ; écrivez 0 pour un critère qui ne doit pas compter.`,
};

const TIER_VALUES: Bilingual = {
  en: 'return tier values must be 0 or more and never increase (diminishing returns keep the model linear)',
  fr: 'les valeurs des paliers doivent être positives ou nulles et ne jamais croître (des rendements décroissants gardent le modèle linéaire)',
};
