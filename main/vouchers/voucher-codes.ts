import { randomInt } from 'node:crypto';
import type { BusinessTx } from '../business/business-tx';
import { loginKey } from '../business/login-name-repository';
import { DomainError } from '../contract/errors';
import type { VoucherCharset } from './contract';

/**
 * Characters a code is drawn from. Left out: 0 and 1 (O, I, l), and the letters I, L and O, which
 * people misread on a printed card and mistype on a phone. Letters are capitals only: login names
 * are unique case-insensitively here, so lower case would add nothing but confusion.
 */
export const CODE_ALPHABETS: Readonly<Record<VoucherCharset, string>> = {
  digits: '23456789',
  letters: 'ABCDEFGHJKMNPQRSTUVWXYZ',
  mixed: '23456789ABCDEFGHJKMNPQRSTUVWXYZ',
};

/** Longest code the contract allows (characters after the prefix). */
const MAX_CODE_LENGTH = 16;

/**
 * At most this share of a code space may be in use. Codes are drawn at random, so a fuller space
 * means more draws land on taken codes; and a card's code is its password: in a half-full space
 * anyone who guesses one code in two gets online free.
 */
const MAX_FILL = 0.5;

/** Redraw rounds before giving up; each one replaces the codes that turned out to be taken. */
const MAX_ROUNDS = 20;

export interface CodeRequest {
  prefix: string;
  charset: VoucherCharset;
  /** Characters after the prefix. */
  length: number;
}

const spaceOf = (charset: VoucherCharset, length: number) => CODE_ALPHABETS[charset].length ** length;

function draw(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A separate voucher password: digits without 0 and 1, as long as the code. */
export const drawPassword = (length: number): string => draw(CODE_ALPHABETS.digits, length);

/**
 * Refuses a request the code space cannot serve (with the code length that would), before any
 * code is drawn. What is in use counts every login name of the tenant with the same shape:
 * codes of earlier batches and subscribers' usernames alike.
 */
export async function checkCodeSpace(tx: BusinessTx, tenantId: number, request: CodeRequest, count: number): Promise<void> {
  const inUse = (length: number) => tx.vouchers.namesOfShape(tenantId, { prefix: request.prefix, alphabet: CODE_ALPHABETS[request.charset], length });
  const fits = (used: number, length: number) => used + count <= spaceOf(request.charset, length) * MAX_FILL;
  const used = await inUse(request.length);
  if (fits(used, request.length)) return;
  let longer: number | null = null;
  for (let length = request.length + 1; length <= MAX_CODE_LENGTH && longer === null; length++) if (fits(await inUse(length), length)) longer = length;
  const what = `${request.length} ${request.charset === 'digits' ? 'digit' : request.charset === 'letters' ? 'letter' : 'character'}${request.prefix ? ` codes after "${request.prefix}"` : ' codes'}`;
  const advice = longer === null ? 'choose the mixed character set or another prefix' : `choose a code length of ${longer} or more`;
  throw new DomainError('invalid_input', `${what} cannot give ${count.toLocaleString('en')} new vouchers (${used.toLocaleString('en')} in use of ${spaceOf(request.charset, request.length).toLocaleString('en')}, and at most half may be): ${advice}.`, {
    fields: { codeLength: `too short for ${count.toLocaleString('en')} new codes: ${advice}` },
  });
}

/**
 * Draws `count` new codes and reserves them in the tenant's login names (all or none), in the
 * caller's transaction. Codes some batch or subscriber already holds are drawn again.
 */
export async function issueCodes(tx: BusinessTx, tenantId: number, request: CodeRequest, count: number): Promise<string[]> {
  await checkCodeSpace(tx, tenantId, request, count);
  const alphabet = CODE_ALPHABETS[request.charset];
  const codes = new Map<string, string>();
  const refused = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    while (codes.size < count) {
      const code = request.prefix + draw(alphabet, request.length);
      const key = loginKey(code);
      if (!refused.has(key)) codes.set(key, code);
    }
    const taken = await tx.loginNames.reserve(tenantId, [...codes.values()], 'voucher');
    if (taken.length === 0) return [...codes.values()];
    for (const name of taken) {
      codes.delete(loginKey(name));
      refused.add(loginKey(name));
    }
  }
  throw new DomainError('conflict', `could not find ${count.toLocaleString('en')} free codes of ${request.length} characters: choose a longer code length.`, {
    fields: { codeLength: 'choose a longer code length' },
  });
}
