const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Natural order by code unit, with digit runs compared as numbers: "user2" < "user10",
 * "10.0.0.7" < "10.0.0.12". Callers lowercase first for a case-insensitive order. Several times
 * faster than a numeric Intl.Collator, which matters when 20,000 rows are sorted per batch.
 */
export function naturalCompare(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      while (si < la && a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (sj < lb && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      while (ei < la && isDigit(a.charCodeAt(ei))) ei++;
      let ej = sj;
      while (ej < lb && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      // Same number: more leading zeros sort later, so the order stays total.
      if (si - i !== sj - j) return si - i - (sj - j);
      i = ei;
      j = ej;
    } else {
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
  }
  return la - i - (lb - j);
}
