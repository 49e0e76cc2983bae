import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and records with CRLF, quoting only what needs it', () => {
    expect(toCsv(['User', 'Address'], [['alice', '10.0.0.1'], ['bob, jr', 'say "hi"\nthere']])).toBe(
      'User,Address\r\nalice,10.0.0.1\r\n"bob, jr","say ""hi""\nthere"\r\n',
    );
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(toCsv(['User'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['a=b']])).toBe(`User\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\na=b\r\n`);
  });

  it('writes a header alone for an empty table', () => {
    expect(toCsv(['A', 'B'], [])).toBe('A,B\r\n');
  });
});
