import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMikhmonOnLogin, parseValidity } from './mikhmon-on-login';

// The head mikhmon v3 writes, then the start of the scheduler script that follows it.
const TAIL = '; {:local date [ /system clock get date ];:local year [ :pick $date 7 11 ];}';

describe('parseMikhmonOnLogin', () => {
  it('reads the five expiry modes', () => {
    const modes = { rem: 'remove', ntf: 'notice', remc: 'remove-record', ntfc: 'notice-record' } as const;
    for (const [code, mode] of Object.entries(modes)) {
      expect(parseMikhmonOnLogin(`:put (",${code},5000,1d,6000,,Disable,")${TAIL}`, 0)?.expiryMode).toBe(mode);
    }
    expect(parseMikhmonOnLogin(':put (",,5000,,,noexp,Enable,")', 0)).toEqual({
      expiryMode: 'none',
      priceMinor: 5000,
      sellingPriceMinor: null,
      validitySeconds: null,
      lockMac: true,
    });
  });

  it('reads price, selling price, validity and lock', () => {
    expect(parseMikhmonOnLogin(`:put (",remc,1.50,30d,2,,Enable,")${TAIL}`, 2)).toEqual({
      expiryMode: 'remove-record',
      priceMinor: 150,
      sellingPriceMinor: 200,
      validitySeconds: 30 * 86_400,
      lockMac: true,
    });
    expect(parseMikhmonOnLogin(`:put (",rem,5.000,1d12h,0,,Disable,")${TAIL}`, 0)).toEqual({
      expiryMode: 'remove',
      priceMinor: 5000,
      sellingPriceMinor: 0,
      validitySeconds: 36 * 3600,
      lockMac: false,
    });
  });

  it('leaves a field it cannot read empty, and keeps the rest', () => {
    expect(parseMikhmonOnLogin(`:put (",ntf,five,forever,1.234.5,,Disable,")${TAIL}`, 0)).toEqual({
      expiryMode: 'notice',
      priceMinor: null,
      sellingPriceMinor: null,
      validitySeconds: null,
      lockMac: false,
    });
  });

  it('tolerates leading space and spacing inside the statement', () => {
    expect(parseMikhmonOnLogin('\n  :put ( ",rem,1000,3h,0,,Disable," )', 0)?.validitySeconds).toBe(10_800);
  });

  it.each([
    undefined,
    '',
    ':log info "hello"',
    ':put ("hello")',
    ':put (",rem,1000,")',
    ':put (",weekly,1000,1d,0,,Disable,")',
    ':log info "x"; :put (",rem,1000,1d,0,,Disable,")',
  ])('%j is not mikhmon’s → null', (script) => {
    expect(parseMikhmonOnLogin(script, 0)).toBeNull();
  });

  it('never throws, whatever the script', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 8 }), { maxLength: 9 }), fc.constantFrom(0, 2, 3), (junk, fields, digits) => {
        parseMikhmonOnLogin(junk, digits);
        parseMikhmonOnLogin(`:put (",${fields.join(',')},")`, digits);
      }),
    );
  });
});

describe('parseValidity', () => {
  it.each([
    ['3h', 10_800],
    ['1d', 86_400],
    ['30d', 2_592_000],
    ['2w', 1_209_600],
    ['1d12h', 129_600],
    ['4w3d', 31 * 86_400],
    ['1D', 86_400],
    ['1d 00:00:00', 86_400],
  ])('%s → %d s', (text, seconds) => {
    expect(parseValidity(text)).toBe(seconds);
  });

  it.each(['', '0', '0s', 'forever', '-1d', '1 month'])('%j → null', (text) => {
    expect(parseValidity(text)).toBeNull();
  });
});
