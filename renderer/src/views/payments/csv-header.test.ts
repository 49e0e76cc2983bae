import { describe, expect, it } from 'vitest';
import { csvHeader } from './csv-header';

describe('csvHeader', () => {
  it('reads the first line only, with quotes and a BOM', () => {
    expect(csvHeader('\uFEFFReceipt No.,"Completion, Time","Say ""hi""",Paid In\r\nQK1,2024-01-15,x,1')).toEqual(['Receipt No.', 'Completion, Time', 'Say "hi"', 'Paid In']);
  });

  it('has no columns for an empty text', () => {
    expect(csvHeader('')).toEqual([]);
  });
});
