import { describe, expect, it } from 'vitest';
import rule from '../src/rules/no-promotional-content.js';
import { draft, lintWithRule } from '../src/testing/rule-tester.js';

/** Regression guards found with the benchmark corpus (false positives on ordinary account and shipping notices). */
describe('no-promotional-content guards', () => {
  const ids = (code: string) => lintWithRule(rule, code).filter((f) => f.ruleId === rule.meta.id).map((f) => f.messageId);

  it('a renewal notice "at no extra cost" is not a renewal incentive', () => {
    expect(ids(draft('Your {{1}} plan will renew automatically on {{2}} at no extra cost.', 'examples:\n  body: ["Premium", "14 March"]'))).toEqual([]);
  });

  it('a renewal with an extra month is still a renewal incentive', () => {
    expect(ids(draft('Your {{1}} plan ends on {{2}}. Renew today and get 1 extra month.', 'examples:\n  body: ["Premium", "14 March"]')).length).toBeGreaterThan(0);
  });

  it('a per-customer link on a shop. host (ends in a parameter) is not a shop page', () => {
    const buttons = 'buttons:\n  - {type: url, text: "Track package", url: "https://shop.example.com/t/{{1}}", example: "https://shop.example.com/t/A1"}\nexamples:\n  body: ["#4521", "Friday"]';
    expect(ids(draft('Your order {{1}} has shipped and arrives on {{2}}, thank you.', buttons))).toEqual([]);
  });

  it('a link to a collection page is a shop page', () => {
    const buttons = 'buttons:\n  - {type: url, text: "See more", url: "https://shop.example.com/collections/summer"}\nexamples:\n  body: ["#4521", "Friday"]';
    expect(ids(draft('Your order {{1}} has shipped and arrives on {{2}}, thank you.', buttons)).length).toBeGreaterThan(0);
  });
});
