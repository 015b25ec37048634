// Unit tests of relation status derived from claims.
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/model/status';
import type { Claim, SourceId } from '../../src/model/types';

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
