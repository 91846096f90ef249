/**
 * Whether a word is written as a Vietnamese syllable: an onset, a vowel group, a final, at most
 * one tone mark, and one case throughout (lower, Capitalised or UPPER). Used to tell two legacy
 * encodings apart when both could have made a text: the one that decodes it into syllables is
 * the one it was typed in ("GiÊy khen cña Chñ" reads "Giấy khen của Chủ" as TCVN3 and
 * "GiÊy khen cđa Chđ" as VNI). Only text already suspected of a legacy encoding comes here.
 */

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?';
/** Vowel groups, the longest first so that the regex tries them before their prefixes. */
const VOWELS =
  '(?:uyê|uyu|uya|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|[aăâeêioôơuưy])';
/** Finals; k for the place names of the Central Highlands (Đắk Lắk). */
const FINAL = '(?:ch|nh|ng|[cmnptk])?';
const SYLLABLE = new RegExp(`^${ONSET}${VOWELS}${FINAL}$`);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const WORD = /[\p{L}\p{M}]+/gu;

export function isVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word !== lower && word !== upper && word !== upper[0] + lower.slice(1)) return false;
  const bare = lower.normalize('NFD');
  const tones = bare.match(TONES)?.length ?? 0;
  return tones <= 1 && SYLLABLE.test(bare.replace(TONES, '').normalize('NFC'));
}

/**
 * How much of a text reads as Vietnamese: of its words beyond ASCII, those that are syllables
 * less those that are not. ASCII words (names, "UBND", numbers) say nothing either way, nor do
 * short words in capitals, which may be abbreviations ("GD&ĐT": "ĐT" is no syllable, but right).
 */
export function syllableScore(text: string): number {
  let score = 0;
  for (const [word] of text.matchAll(WORD)) {
    if (!/[^\x00-\x7f]/.test(word) || (word.length <= 3 && word === word.toUpperCase())) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}
