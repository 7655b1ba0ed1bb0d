import { describe, expect, test } from 'vitest';
import { renamedUnit, suggestColumns, suggestNames, suggestUnits } from '../../../src/lib/content/name-suggestions.ts';
import { withLookups } from '../../../src/lib/content/registries.ts';
import { fixtureRegistry } from '../helpers.ts';

const registry = fixtureRegistry();

describe('suggestUnits', () => {
  test.each([
    ['市水务', '市水务局'],
    ['审记局', '市审计局'],
    ['市审汁局', '市审计局'],
    ['shenjiju', '市审计局'],
    ['Shen Ji Ju', '市审计局'],
    ['sjj', '市审计局'],
    ['zuzhibu', '市委组织部'],
    ['残疾人联合会', '市残联'],
    ['延安水务局', '市水务局'],
  ])('offers %s → %s first', (written, meant) => {
    expect(suggestUnits(written, registry)[0]).toBe(meant);
  });

  test('names each unit once, by its full name, even when an alias matched', () => {
    expect(suggestUnits('水务', registry)).toEqual(['市水务局']);
  });

  test('prefers the characters written over a name that only sounds alike', () => {
    const units = withLookups({
      ...registry,
      units: [
        { ...registry.units[0]!, name: '市税务局', slug: 'shuiwu', aliases: [], formerNames: [] },
        { ...registry.units[0]!, name: '市水务局', slug: 'shuiwuju', aliases: [], formerNames: [] },
      ],
    });
    expect(suggestUnits('市水务', units)).toEqual(['市水务局', '市税务局']);
  });

  test('offers nothing for a name unlike every unit', () => {
    expect(suggestUnits('市交通运输局', registry)).toEqual([]);
    expect(suggestUnits('xyz', registry)).toEqual([]);
  });
});

describe('suggestColumns', () => {
  test.each([
    ['党建动太', '党建动态'],
    ['dangjian', '党建动态'],
    ['djdt', '党建动态'],
    ['通迅', '通讯'],
    ['tongxun', '通讯'],
  ])('offers %s → %s', (written, meant) => {
    expect(suggestColumns(written, registry)).toEqual([meant]);
  });
});

test('suggestNames ignores blank input', () => {
  expect(suggestNames('  ', ['市水务局'])).toEqual([]);
});

test('renamedUnit finds a unit by its former name', () => {
  expect(renamedUnit('市水利局', registry)?.name).toBe('市水务局');
});
