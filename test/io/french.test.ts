/**
 * Every mistake io reports exists in French, as a French programme officer reads it: each case of
 * test/fixtures/bad-input/ that the loader refuses is loaded here, and its message under a French
 * locale must be French (no English text left), name the file, the line and the field, and differ
 * from the English. The English stays what the fixtures expect (test/cli/bad-input.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { langOf, say } from '../../src/domain/lang.js';
import { FieldError, fr } from '../../src/io/bilingual.js';
import { formulaHint, formulaReason } from '../../src/io/formula-messages.js';
import { parseAmount, parseDecimal, parseMoneyInput, parsePercent, reasonSaid } from '../../src/io/numbers.js';
import { candidatesIn1252, loadScenario, scenarioIn1252 } from '../../src/io/scenario.js';
import { firstDifference } from '../../src/io/record.js';
import { compileFormula } from '../../src/scoring/formula.js';
import { FIXTURES, type Expected } from '../fixtures/bad-input/make-fixtures.js';

const french = langOf({ LANG: 'fr_FR.UTF-8' });

/** Words that give away an English sentence left untranslated. */
const ENGLISH = /(?<!\p{L})(?:the|is|are|not|should|must|line|column|file|empty|missing|Did you mean|Give|Write|Check|Rename)(?!\p{L})/u;

/** The text of a French message once the values it quotes (names, cells, paths) are taken out. */
function wordsOf(text: string): string {
  return text
    .replace(/«\u00a0[^»]*\u00a0»/g, '«»')
    .replace(/'[^']*'/g, "''")
    .replace(/"[^"]*"/g, '""')
    .replace(/\([^()]*\b(?:parse|Unexpected|Nested|Implicit)\b[^()]*\)/g, '()')
    .replace(/[\w./-]+\.(?:csv|yaml|xlsx|tsv|txt)\b/g, 'FICHIER')
    .replace(/\/[^\s),]+/g, 'CHEMIN')
    // The YAML reader's own words, quoted after ours, as zod's or the system's would be.
    .replace(/(YAML valide\u00a0: ).*$/s, '$1…');
}

function expectFrench(error: UserError): void {
  const english = error.format('en');
  const message = error.format(french);
  expect(message, english).not.toBe(english);
  expect(say(error.text, 'fr'), english).not.toBe(say(error.text, 'en'));
  if (error.hint !== undefined) expect(say(error.hint, 'fr'), english).not.toBe(say(error.hint, 'en'));
  expect(wordsOf(say(error.text, 'fr')), english).not.toMatch(ENGLISH);
  if (error.hint !== undefined) expect(wordsOf(say(error.hint, 'fr')), english).not.toMatch(ENGLISH);
  // The place: the file, the line and the field, as in English (a field of words in French).
  if (error.file !== undefined) expect(message.startsWith(`${error.file}`), message).toBe(true);
  if (error.line !== undefined) expect(message, english).toContain(`:${error.line}:`);
  if (error.field !== undefined) {
    const field = error instanceof FieldError ? say(error.fields ?? '', 'fr') : error.field;
    expect(message, english).toContain(`: ${field}: `);
  }
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Loads a case's scenario as the command would; the UserError, if the loader refuses it. */
async function refusal(name: string): Promise<UserError | undefined> {
  const folder = join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;
  const scenario = expected.args.find((arg) => /\.(?:ya?ml|json)$/.test(arg)) ?? 'scenario.yaml';
  try {
    await loadScenario(relative(process.cwd(), join(folder, scenario)));
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  return undefined;
}

describe('the bad-input cases the loader refuses, in French', () => {
  const refused: string[] = [];
  it.each(cases)('%s', async (name) => {
    const error = await refusal(name);
    if (error === undefined) return;
    refused.push(name);
    expectFrench(error);
  });
  it('cover the loader (the other cases are refused by the command line or the solver)', () => {
    expect(refused.length).toBeGreaterThan(50);
  });
});

describe('French messages read French', () => {
  it('a negative amount names the file, the line, the column and what to write', async () => {
    const error = await refusal('amount-brackets');
    expect(error?.format(french)).toMatch(
      /bad-input\/amount-brackets\/candidates\.csv:3: request: le montant «\u00a0\(1 234\)\u00a0» est un montant négatif \(entre parenthèses, à la façon des comptables\)\. Écrivez les euros ainsi\u00a0: 185000, 185 000 ou 185 000\u00a0€\.$/,
    );
  });
  it('an envelope below the grant floor gives euros the French way', async () => {
    const error = await refusal('envelope-below-floor');
    expect(error?.format(french)).toContain('l’enveloppe (30\u00a0000\u00a0€) est inférieure à la plus petite subvention (grant.min\u00a0: 40\u00a0000\u00a0€)');
  });
  it('a column without a name is `colonne 3 (C)` in French, `column 3 (C)` in English', () => {
    const error = new FieldError({ en: 'no name', fr: 'sans nom' }, { file: 'c.csv', line: 1, field: { en: 'column 3 (C)', fr: 'colonne 3 (C)' } });
    expect(error.format('en')).toBe('c.csv:1: column 3 (C): no name');
    expect(error.format('fr')).toBe('c.csv:1: colonne 3 (C): sans nom');
    expect(error.field).toBe('column 3 (C)');
    expect(error).toBeInstanceOf(UserError);
  });
  it('the fr tag spaces French punctuation in the text, never in the values', () => {
    expect(fr`la colonne « ${'a:b'} » manque : ajoutez-la ?`).toBe('la colonne «\u00a0a:b\u00a0» manque\u00a0: ajoutez-la\u00a0?');
  });
  it('verify says where a record differs in French too', () => {
    expect(firstDifference('a\nb', 'a\nc')).toBe('line 2: recorded "b", now "c"');
    expect(firstDifference('a\nb', 'a\nc', 'fr')).toBe('ligne 2\u00a0: enregistré "b", maintenant "c"');
  });
  it('the Windows-1252 notices exist in both languages', () => {
    for (const notice of [scenarioIn1252('s.yaml'), candidatesIn1252('c.csv')]) {
      expect(notice.fr).not.toBe(notice.en);
      expect(wordsOf(notice.fr)).not.toMatch(ENGLISH);
    }
  });
});

describe('every refusal of the number parsers has its French', () => {
  const texts = ['', '  ', 'abc', '#N/A', '#VALEUR!', '(1 234)', '-5', '45 %', '1,2,3.4', '−3 €', '12 k€ x'];
  it.each(texts)('%j', (text) => {
    for (const parse of [parseAmount, parseDecimal, parsePercent, parseMoneyInput]) {
      const parsed = parse(text);
      if (parsed.ok) continue;
      const said = reasonSaid(parsed.reason);
      expect(said.en).toBe(`is ${parsed.reason}`);
      expect(said.fr, parsed.reason).not.toMatch(/lisible/);
    }
  });
});

describe('every refusal of the score formula has its French', () => {
  const formulas = ['x = 1', 'f(x) = x', 'a; b', 'emplois.value', 'import("fs")', 'toString(1)', 'max()', 'sqrt(1, 2)', '"texte"', 'emploi * 2', '(emplois +', 'emplois!', '[1, 2]', 'not emplois'];
  it.each(formulas)('%s', async (formula) => {
    const compiled = await compileFormula(formula, ['emplois', 'utilite_sociale']);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    const reason = formulaReason(compiled.reason);
    expect(reason.fr, compiled.reason).not.toBe(reason.en);
    if (compiled.hint !== undefined) expect(formulaHint(compiled.hint).fr, compiled.hint).not.toBe(compiled.hint);
  });
});

describe('no message of src/io is written in one language only', () => {
  it('every UserError of src/io is given a { en, fr } text', () => {
    const folder = join(FIXTURES, '../../../src/io');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      // A message given as a bare string literal: `new UserError('…'` or a template.
      expect(source, file).not.toMatch(/(?:new UserError|userError|new FieldError|fail|refuse)\(\s*['`"]/);
      expect(source, file).not.toMatch(/problem\([^,]+,\s*['`"]/);
    }
  });
});
