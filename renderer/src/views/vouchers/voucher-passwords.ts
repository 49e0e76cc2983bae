/**
 * The passwords of a batch with separate passwords, read from its CSV export (the only place
 * the contract hands them out), by code. The columns are found by their header, so their order
 * may change; quoted fields follow RFC 4180.
 */
export function passwordsFromCsv(csv: string): Map<string, string> {
  const records = parseCsv(csv);
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const codeAt = header.findIndex((h) => h === 'code' || h === 'username');
  const passwordAt = header.indexOf('password');
  const passwords = new Map<string, string>();
  if (codeAt < 0 || passwordAt < 0) return passwords;
  for (const record of records.slice(1)) {
    const code = record[codeAt];
    const password = record[passwordAt];
    if (code && password) passwords.set(code, password);
  }
  return passwords;
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
