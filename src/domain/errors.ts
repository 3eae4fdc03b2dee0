import { say, type Bilingual, type Lang } from './lang.js';

/**
 * A mistake the user can fix (bad file, bad flag): one message naming where and what to do,
 * and an exit code. Anything else thrown is a bug and keeps its stack trace.
 */
export class UserError extends Error {
  /** File the problem is in, if any. */
  readonly file: string | undefined;
  /** 1-based line, if known. */
  readonly line: number | undefined;
  /** Column or key, if known. */
  readonly field: string | undefined;
  /** What to do about it. */
  readonly hint: Bilingual | string | undefined;
  /** The message in both languages (`message` holds the English one, for stack traces of bugs). */
  readonly text: Bilingual | string;
  /** Process exit code: 1 error, 2 usage. @default 1 */
  readonly exitCode: number;

  constructor(
    message: Bilingual | string,
    where: { file?: string; line?: number; field?: string; hint?: Bilingual | string; exitCode?: number } = {},
  ) {
    super(say(message, 'en'));
    this.text = message;
    this.name = 'UserError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
    this.hint = where.hint;
    this.exitCode = where.exitCode ?? 1;
  }

  /** `file:line: field: message. hint` on one line, in `lang` (English by default). */
  format(lang: Lang = 'en'): string {
    const place = [this.file, this.line === undefined ? undefined : String(this.line)]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(':');
    const head = [place, this.field === undefined ? undefined : `${this.field}`]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(': ');
    const text = say(this.text, lang);
    const message = this.hint === undefined || /[.!?]$/.test(text) ? text : `${text}.`;
    const hint = this.hint === undefined ? '' : ` ${say(this.hint, lang)}`;
    return `${head === '' ? '' : `${head}: `}${message}${hint}`;
  }
}
