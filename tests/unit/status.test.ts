// Unit tests of relation status derived from claims: distinct originators, qualifications, disputes, and the support in words.
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/model/status';
import { describeSupport } from '../../src/model/support';
import type { Claim, SourceId } from '../../src/model/types';
import { datasetOf } from '../fixtures/dataset';

const claim = (source: string, stance: Claim['stance'] = 'asserts'): Claim => ({
  source: source as SourceId,
  stance,
  locator: 'paragraph 1',
});

describe('statusOf', () => {
  it('is reported with one asserting source', () => {
    expect(statusOf([claim('a')])).toBe('reported');
  });
  it('is corroborated with two distinct asserting sources and no dispute', () => {
    expect(statusOf([claim('a'), claim('b')])).toBe('corroborated');
  });
  it('counts two claims of the same source once', () => {
    expect(statusOf([claim('a'), claim('a')])).toBe('reported');
  });
  it('is disputed as soon as one source disputes', () => {
    expect(statusOf([claim('a'), claim('b'), claim('c', 'disputes')])).toBe('disputed');
  });
  it('is null when only disputes count: nothing in view asserts the tie', () => {
    expect(statusOf([claim('c', 'disputes')])).toBeNull();
  });
  it('is null when no claim counts', () => {
    expect(statusOf([])).toBeNull();
    expect(statusOf([claim('a')], (c) => c.source !== 'a')).toBeNull();
  });
  it('recomputes from the claims a filter keeps', () => {
    const claims = [claim('a'), claim('b', 'disputes')];
    expect(statusOf(claims, (c) => c.source === 'a')).toBe('reported');
  });
});

describe('statusOf with originators and qualifications', () => {
  const relay = (source: string, via: string, stance: Claim['stance'] = 'asserts'): Claim => ({
    ...claim(source, stance),
    via,
  });
  it('two documents relaying the same outlet are one original: reported', () => {
    expect(statusOf([relay('a', 'ap'), relay('b', 'ap')])).toBe('reported');
  });
  it('a relay and an independent original corroborate', () => {
    expect(statusOf([relay('a', 'ap'), relay('b', 'ap'), claim('c')])).toBe('corroborated');
    expect(statusOf([relay('a', 'ap'), relay('a', 'guardian')])).toBe('corroborated');
  });
  it("a document's own reporting is its own originator, apart from what it relays", () => {
    expect(statusOf([relay('a', 'ap'), claim('a')])).toBe('corroborated');
    expect(statusOf([claim('a'), claim('a')])).toBe('reported');
  });
  it('a qualifying claim is neither an assertion nor a dispute', () => {
    expect(statusOf([claim('a'), claim('b', 'qualifies')])).toBe('reported');
    expect(statusOf([claim('a'), claim('b'), claim('c', 'qualifies')])).toBe('corroborated');
    expect(statusOf([claim('b', 'qualifies')])).toBeNull();
    expect(statusOf([claim('a'), claim('b', 'qualifies'), claim('c', 'disputes')])).toBe(
      'disputed',
    );
  });
  it('recomputes originators from the claims a filter keeps', () => {
    const claims = [relay('a', 'ap'), claim('b'), relay('c', 'ap')];
    expect(statusOf(claims)).toBe('corroborated');
    expect(statusOf(claims, (c) => c.source !== 'b')).toBe('reported');
  });
});

describe('describeSupport', () => {
  const data = datasetOf({
    format: 'tieline/1',
    title: 'Support',
    relationTypes: [],
    actors: [],
    sources: [
      { id: 'dj', title: 'Alliance', publisher: 'Digital Journal' },
      { id: 'orton', title: 'Caution', publisher: 'The Syrian Intifada', author: 'Kyle Orton' },
      { id: 'blog', title: 'Convergences', publisher: 'Counter-terrorism blog (not named)' },
    ],
    originators: [{ id: 'ap', name: 'Associated Press' }],
    relations: [],
  });
  const relay = (source: string, via: string): Claim => ({ ...claim(source), via });
  it('says "2 reports, 1 original (AP)" for two relays of one outlet', () => {
    expect(describeSupport(data, [relay('dj', 'ap'), relay('orton', 'ap')])).toBe(
      '2 reports, 1 original (Associated Press)',
    );
  });
  it('names own reporting by its outlet and adds qualifications and disputes', () => {
    expect(
      describeSupport(data, [
        relay('dj', 'ap'),
        claim('blog'),
        claim('orton', 'qualifies'),
        claim('orton', 'disputes'),
      ]),
    ).toBe(
      '2 reports, 2 originals (Associated Press, Counter-terrorism blog); qualified by 1 source; disputed by 1 source',
    );
    expect(describeSupport(data, [claim('orton', 'disputes')])).toBe(
      'no report in view; disputed by 1 source',
    );
  });
  it('counts what the filter keeps', () => {
    expect(
      describeSupport(data, [relay('dj', 'ap'), claim('blog')], (c) => c.source === 'dj'),
    ).toBe('1 report, 1 original (Associated Press)');
  });
});
