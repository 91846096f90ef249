/** Every operator a rule pack can name in `check:`. */
import type { Operator } from './types.js';
import { required } from './required.js';
import { oneOf } from './one-of.js';
import { compare } from './compare.js';
import { everyYear } from './every-year.js';
import { trend } from './trend.js';
import { textQuality } from './text-quality.js';
import { validValue } from './valid-value.js';
import { errorCell } from './error-cell.js';
import { renamed } from './renamed.js';
import { consistentWith } from './consistent.js';
import { unique } from './unique.js';
import { reference } from './reference.js';
import { count } from './count.js';
import { submitter } from './submitter.js';
import { legacyEncoding } from './legacy-encoding.js';
import { pattern } from './pattern.js';
import { hidden } from './hidden.js';
import { awardFitsKind, awardKnown } from './award-fits.js';
import { evidence } from './evidence.js';
import { streak } from './streak.js';

export const operators: Record<string, Operator> = {
  required,
  'one-of': oneOf,
  compare,
  'every-year': everyYear,
  trend,
  'text-quality': textQuality,
  'valid-value': validValue,
  'error-cell': errorCell,
  renamed,
  'consistent-with': consistentWith,
  unique,
  reference,
  count,
  submitter,
  'legacy-encoding': legacyEncoding,
  pattern,
  hidden,
  'award-fits-kind': awardFitsKind,
  'award-known': awardKnown,
  evidence,
  streak,
};
