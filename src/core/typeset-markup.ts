/**
 * How a typeset run (core/typography.ts `typesetRuns`) is marked up: the classes the stylesheet
 * (src/site/global.css) draws it by. One decision for the two places that build the markup: the
 * build's hast (src/essay/build/rehype-essay.ts) and the scripts' DOM (src/core/client/typeset.ts).
 */
import type { TypesetRun } from './typography';

/**
 * A Latin run this short that holds a joiner (`GPT-4o`, `DeepSeek-V3`, `App Store`, `1/20`) is kept on
 * one line: a break after its hyphen or space leaves `GPT-` at a line's end. Longer runs may wrap.
 */
const UNBROKEN_RUN = /^(?=.{3,16}$).+[-/ ].+$/u;

/**
 * Numbers in vertical text (竖排), as Chinese books set them: one or two digits side by side
 * in one upright column (`text-combine-upright`, 纵中横), three or four stacked upright (years), one cell each;
 * longer numbers and Latin words lie sideways. The classes do nothing in horizontal text.
 */
const COMBINED_DIGITS = /^\d{1,2}$/;
const UPRIGHT_DIGITS = /^\d{3,4}$/;

/** A run's element: none for plain text; else its classes, and whether each digit is a cell of its own. */
export interface RunMarkup {
  className: string[];
  /**
   * Each digit of an upright number is its own one-cell combination: WebKit draws a run set
   * with text-orientation: upright over itself, while a combined cell it draws right everywhere.
   */
  digitCells: boolean;
}

export function runMarkup(run: TypesetRun): RunMarkup | undefined {
  if (run.punctuation) return { className: [...run.punctuation], digitCells: false };
  if (run.spaceBefore === undefined) return undefined;
  const className = [
    run.spaceBefore && 'space-before',
    run.spaceAfter && 'space-after',
    UNBROKEN_RUN.test(run.text) && 'unbroken',
    COMBINED_DIGITS.test(run.text) && 'digits-combined',
    UPRIGHT_DIGITS.test(run.text) && 'digits-upright',
  ].filter((name): name is string => Boolean(name));
  return { className, digitCells: UPRIGHT_DIGITS.test(run.text) };
}
