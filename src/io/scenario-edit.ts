/**
 * Writing back into a scenario file that a person maintains by hand: the new policy is spliced into
 * the text, so every other byte (comments, blank lines, flow maps, column alignment) stays as it was.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../domain/errors.js';
import type { Bilingual } from '../domain/lang.js';
import { fr } from './bilingual.js';
import { POLICY_NAME } from '../domain/names.js';
import type { ReturnTier } from '../domain/types.js';
import { encodeText, readTextFile, type TextEncoding } from './text.js';

/** Policy names a scenario file accepts (moved to domain/names.ts; re-exported for code written before the move). */
export { POLICY_NAME };

/**
 * Adds a weighting policy to a scenario file, atomically, keeping every other byte of the file.
 * Refuses a name already used or not matching {@link POLICY_NAME}, and weights that are all zero.
 * @example await savePolicy('scenarios/tiny.yaml', 'social_plus', { utilite_sociale: 80, emplois: 20 }, 'Plus social')
 */
export async function savePolicy(
  scenarioFile: string,
  name: string,
  weights: Readonly<Record<string, number>>,
  label?: string,
  returns: readonly ReturnTier[] = [],
): Promise<void> {
  if (!POLICY_NAME.test(name)) {
    const hint = { en: 'Use lower-case letters, digits, _ and -, e.g. emploi_2.', fr: 'Utilisez des minuscules, des chiffres, _ et -, par exemple emploi_2.' };
    throw new UserError({ en: `'${name}' is not a usable policy name`, fr: fr`« ${name} » n’est pas un nom de politique utilisable` }, { file: scenarioFile, field: 'policies', hint, exitCode: 2 });
  }
  const entries = Object.entries(weights);
  if (entries.some(([, weight]) => !Number.isFinite(weight) || weight < 0) || !entries.some(([, weight]) => weight > 0)) {
    const message = { en: 'a policy needs weights of 0 or more, at least one above 0', fr: 'une politique demande des poids positifs ou nuls, dont au moins un supérieur à 0' };
    throw new UserError(message, { file: scenarioFile, field: `policies.${name}.weights`, exitCode: 2 });
  }
  const { text, encoding } = readScenarioText(scenarioFile);
  const next = withPolicy(text, scenarioFile, name, { label, weights, returns });
  // Written back in the encoding it was read in: a Windows-1252 file keeps its accents as single bytes.
  const bytes = encodeText(next, encoding);
  if (bytes === undefined) {
    const names = ENCODING_NAMES[encoding];
    const message = { en: `the policy holds a character that ${names.en} cannot store; nothing was written`, fr: fr`la politique contient un caractère que ${names.fr} ne peut pas stocker ; rien n’a été écrit` };
    const hint = { en: 'Use a label without that character, or save the scenario as UTF-8 first.', fr: 'Utilisez un libellé sans ce caractère, ou enregistrez d’abord le scénario en UTF-8.' };
    throw new UserError(message, { file: scenarioFile, field: `policies.${name}`, hint });
  }
  try {
    await writeFileAtomic(scenarioFile, bytes);
  } catch (error) {
    const why = (error as Error).message;
    const message = { en: `could not write the scenario file: ${why}; nothing was written`, fr: fr`impossible d’écrire le fichier du scénario : ${why} ; rien n’a été écrit` };
    throw new UserError(message, { file: scenarioFile, hint: { en: 'Check that the folder is writable.', fr: 'Vérifiez que le dossier est accessible en écriture.' } });
  }
}

interface PolicyEntry {
  readonly label: string | undefined;
  readonly weights: Readonly<Record<string, number>>;
  readonly returns: readonly ReturnTier[];
}

/** The text of a scenario file with one more policy. Pure: exported for tests. */
export function withPolicy(text: string, file: string, name: string, entry: PolicyEntry): string {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    const message = { en: 'the scenario file is not valid YAML any more; nothing was written', fr: fr`le fichier du scénario n’est plus du YAML valide ; rien n’a été écrit` };
    throw new UserError(message, { file, hint: { en: 'Fix the file, then save the policy again.', fr: 'Corrigez le fichier, puis enregistrez de nouveau la politique.' } });
  }
  if (document.hasIn(['policies', name])) {
    const message = { en: `the scenario already has a policy named '${name}'`, fr: fr`le scénario a déjà une politique nommée « ${name} »` };
    throw new UserError(message, { file, field: `policies.${name}`, hint: { en: 'Choose another name.', fr: 'Choisissez un autre nom.' }, exitCode: 2 });
  }
  const expected = { ...(document.toJS() as Record<string, unknown>) };
  expected['policies'] = { ...((expected['policies'] as Record<string, unknown> | null | undefined) ?? {}), [name]: plainEntry(entry) };

  const spliced = splice(text, document, name, entry);
  if (spliced !== undefined && isDeepStrictEqual(parseDocument(spliced).toJS(), expected)) return spliced;

  // A layout the splice does not handle (flow-style policies, an empty map): let yaml rewrite the file.
  document.setIn(['policies', name], entryNode(document, entry));
  const rewritten = String(document);
  if (!isDeepStrictEqual(parseDocument(rewritten).toJS(), expected)) {
    const message = { en: 'could not add the policy without changing the rest of the file; nothing was written', fr: fr`impossible d’ajouter la politique sans changer le reste du fichier ; rien n’a été écrit` };
    throw new UserError(message, { file, hint: { en: 'Add the policy by hand.', fr: 'Ajoutez la politique à la main.' } });
  }
  return rewritten;
}

function plainEntry(entry: PolicyEntry): Record<string, unknown> {
  return {
    ...(entry.label === undefined ? {} : { label: entry.label }),
    weights: { ...entry.weights },
    ...(entry.returns.length === 0 ? {} : { returns: entry.returns.map((tier) => [tier.share, tier.value]) }),
  };
}

/** The entry as a yaml node: weights and returns on one line each, like the shipped scenarios. */
function entryNode(document: Document, entry: PolicyEntry): Node {
  const node = document.createNode(plainEntry(entry));
  if (isMap(node)) {
    for (const pair of node.items) {
      const value = pair.value as { flow?: boolean } | null;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (value !== null && (key === 'weights' || key === 'returns')) value.flow = true;
    }
  }
  return node;
}

/** Inserts the entry after the last policy of a block-style `policies:` map, or appends a `policies:` block. */
function splice(text: string, document: Document, name: string, entry: PolicyEntry): string | undefined {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const single = new Document({});
  single.set(name, entryNode(single, entry));
  const lines = single.toString({ flowCollectionPadding: false, lineWidth: 0 }).replace(/\n$/, '').split('\n');

  const policies = document.get('policies', true);
  if (policies === undefined) {
    const body = ['policies:', ...lines.map((line) => `  ${line}`)].join(newline);
    const separator = text === '' || text.endsWith('\n') ? '' : newline;
    return `${text}${separator}${body}${newline}`;
  }
  if (!isMap(policies) || policies.flow === true || policies.items.length === 0) return undefined;
  const first = policies.items[0] as Pair<Node, Node>;
  const last = policies.items[policies.items.length - 1] as Pair<Node, Node | null>;
  const keyStart = first.key.range?.[0];
  const valueEnd = (last.value ?? last.key).range?.[1];
  if (keyStart === undefined || valueEnd === undefined) return undefined;
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  if (!/^ *$/.test(text.slice(keyStart - indent, keyStart))) return undefined;

  // After the last line of the last policy that is not blank (its trailing comment included):
  // a block map's range runs on over the blank lines that follow it.
  let end = valueEnd;
  while (end > keyStart && /\s/.test(text[end - 1] ?? '')) end -= 1;
  let at = text.indexOf('\n', end);
  at = at === -1 ? text.length : at + 1;
  const prefix = at === text.length && !text.endsWith('\n') ? newline : '';
  const body = lines.map((line) => `${' '.repeat(indent)}${line}${newline}`).join('');
  return `${text.slice(0, at)}${prefix}${body}${text.slice(at)}`;
}

const ENCODING_NAMES: Readonly<Record<TextEncoding, Bilingual>> = {
  'utf-8': { en: 'UTF-8', fr: 'l’UTF-8' },
  'utf-8-bom': { en: 'UTF-8', fr: 'l’UTF-8' },
  'utf-16le': { en: 'UTF-16', fr: 'l’UTF-16' },
  'utf-16be': { en: 'UTF-16', fr: 'l’UTF-16' },
  'windows-1252': { en: 'the file\'s encoding (Windows-1252)', fr: 'l’encodage du fichier (Windows-1252)' },
};

function readScenarioText(file: string): { text: string; encoding: TextEncoding } {
  try {
    return readTextFile(file, 'scenario file');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError({ en: `cannot read the scenario file (${code})`, fr: `impossible de lire le fichier du scénario (${code})` }, { file });
  }
}
