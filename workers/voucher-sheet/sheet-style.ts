import type { VoucherCard } from '../../main/vouchers/sheet-contract';

/**
 * What every card of a sheet shares: fonts, units, the logo and how credentials read. The fonts
 * are PDF standard fonts: nothing embedded, every viewer and printer has them, and the text
 * stays extractable (codes can be read back from the PDF).
 */
export const FONT = {
  name: 'Helvetica-Bold',
  text: 'Helvetica',
  price: 'Helvetica-Bold',
  label: 'Helvetica',
  /** Monospace, so 0/O and 1/l that the generator may still use are told apart by shape and width. */
  code: 'Courier-Bold',
} as const;

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

/** The logo opened once per sheet; cards draw it by reference (one image object in the PDF). */
export interface SheetLogo {
  src: string;
  /** Width / height. */
  aspect: number;
}

/** One printed credential: a lone code, or a labelled username or password. */
export interface Credential {
  label: string | null;
  value: string;
}

export function credentialsOf(card: VoucherCard): Credential[] {
  return card.password === null
    ? [{ label: null, value: card.username }]
    : [
        { label: 'User', value: card.username },
        { label: 'Pass', value: card.password },
      ];
}

export const validityLine = (validityText: string) => `Valid for ${validityText}`;
