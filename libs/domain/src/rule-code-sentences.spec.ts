import { describe, expect, test } from '@jest/globals';
import { RULE_CODES } from './domain-error.js';
import { RULE_CODE_SENTENCES, ruleCodeSentencesIn, type RuleCodeSentence } from './rule-code-sentences.js';

describe('the rule codes in words', () => {
  test('every rule code has a Japanese and an English sentence, and no other code has one', () => {
    // Read as a plain map, as the apps read it: a code left out must show here, not only to tsc.
    const sentences: Partial<Record<string, RuleCodeSentence>> = RULE_CODE_SENTENCES;
    expect(RULE_CODES.filter((code) => !sentences[code]?.ja.trim() || !sentences[code]?.en.trim())).toEqual([]);
    expect(Object.keys(RULE_CODE_SENTENCES).sort()).toEqual([...RULE_CODES].sort());
  });

  test('one language at a time, keyed by code', () => {
    expect(ruleCodeSentencesIn('ja').NOT_IN_JAPAN).toBe('この日、この方は日本にいません(出国中)。');
    expect(ruleCodeSentencesIn('en').NOT_IN_JAPAN).toBe('On that date the resident is not in Japan.');
    expect(Object.keys(ruleCodeSentencesIn('en'))).toHaveLength(RULE_CODES.length);
  });
});
