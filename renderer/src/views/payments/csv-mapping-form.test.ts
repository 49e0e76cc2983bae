import { describe, expect, it } from 'vitest';
import { emptyMapping, mappingInputOf, mappingValuesOf } from './csv-mapping-form';

describe('statement column mapping', () => {
  it('sends no mapping when none is chosen, so the saved one applies', () => {
    expect(mappingInputOf(emptyMapping())).toEqual({ ok: true, mapping: undefined });
  });

  it('names the required columns left out', () => {
    expect(mappingInputOf({ ...emptyMapping(), receipt: 'Receipt No.' })).toEqual({ ok: false, missing: ['time', 'amount'] });
  });

  it('round-trips a saved mapping, optional columns as null', () => {
    const mapping = { receipt: 'R', time: 'T', amount: 'A', phone: null, account: 'Acc' };
    expect(mappingInputOf(mappingValuesOf(mapping))).toEqual({ ok: true, mapping });
  });
});
