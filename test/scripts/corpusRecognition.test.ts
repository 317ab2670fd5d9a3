import { describe, expect, it } from 'vitest';
import { accuracyCases } from '../../scripts/accuracy/cases';
import { measure, type CaseOutcome } from '../../scripts/accuracy/measure';
import { FIXTURES } from '../loadFixture';

/**
 * Recognition by roles on every table of the corpus (the seed tables and the real published ones, built from
 * test/fixtures/realworld by the fixture setup): recognized as its kind, no false error, every verified
 * error found, totals and grades as published (or the publisher's arithmetic error found).
 */

describe('the corpus', async () => {
  const outcomes = await measure(accuracyCases(), FIXTURES);
  const label = (o: CaseOutcome) => `${o.case.id} (${o.case.kind})`;

  it('has the real tables in it', () => {
    expect(outcomes.filter((o) => o.case.group === 'real').length).toBeGreaterThanOrEqual(10);
  });

  it.each(outcomes.map((o) => [label(o), o] as const))('%s: no false error', (_, o) => {
    expect(o.falseErrors.map((f) => `${f.code}@${f.cell} ${f.message}`)).toEqual([]);
  });

  it.each(outcomes.map((o) => [label(o), o] as const))('%s: recognized as its kind', (_, o) => {
    expect(o.recognized, JSON.stringify(o.forms)).toBe(true);
  });

  it.each(outcomes.map((o) => [label(o), o] as const))('%s: every verified error found, totals as published', (_, o) => {
    expect(o.missed).toEqual([]);
    if (o.totalsAgree !== null) expect(o.totalsAgree, o.totalsNote).toBe(true);
  });
});
