/**
 * The size rule of src/: no file over MAX_FILE_LINES lines, no function over MAX_FUNCTION_LINES.
 * Checked by test/architecture/sizes.test.ts; `npx tsx scripts/sizes.ts` lists what breaks it.
 */
import ts from 'typescript';
import { ROOT, sourceFiles } from './layers.js';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

export interface Oversize {
  readonly file: string;
  readonly line: number;
  readonly what: string;
  readonly lines: number;
}

/** Files and functions (declarations, arrows, methods, React components) over the limits. */
export function oversized(files: readonly { file: string; source: string }[]): Oversize[] {
  const found: Oversize[] = [];
  for (const { file, source } of files) {
    const lineCount = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
    if (lineCount > MAX_FILE_LINES) found.push({ file, line: 1, what: 'file', lines: lineCount });
    const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
        const start = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line;
        const end = tree.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > MAX_FUNCTION_LINES) found.push({ file, line: start + 1, what: nameOf(node, tree), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

function nameOf(node: ts.Node, tree: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name !== undefined) return named.name.getText(tree);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(tree);
  return 'function';
}

if (process.argv[1]?.endsWith('sizes.ts') === true) {
  for (const item of oversized(sourceFiles(ROOT))) console.log(`${item.file}:${item.line}: ${item.what} has ${item.lines} lines`);
}
