import { attrs, type WireTestClient } from './wire-test-client';

/** Small readers of replies for the menu tests: the first reply (a refusal's `!trap`), a trap's words, the `!re` rows. */
export const firstReply = async (c: WireTestClient, ...words: string[]): Promise<string[] | undefined> => (await c.command(...words))[0];

export const trapWords = (category: number, message: string): string[] => ['!trap', `=category=${category}`, `=message=${message}`];

export const printRows = async (c: WireTestClient, ...words: string[]): Promise<Array<Record<string, string>>> =>
  (await c.command(...words)).filter((s) => s[0] === '!re').map(attrs);
