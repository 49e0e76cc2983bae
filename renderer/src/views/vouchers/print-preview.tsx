import type { CSSProperties } from 'react';
import { A4_GRIDS, type A4CardsPerPage, type SheetLayout, type VoucherCard } from '../../../../main/vouchers/sheet-contract';
import { useQrImages } from './use-qr-images';

export interface PrintPreviewProps {
  layout: SheetLayout;
  cardsPerPage: number;
  tenantName: string;
  logo: string | null;
  planName: string;
  priceText: string;
  validityText: string;
  /** The first page's cards; a null qrText (no valid login URL yet) leaves the code out. */
  cards: ReadonlyArray<Omit<VoucherCard, 'qrText'> & { qrText: string | null }>;
}

/**
 * The cards of the sheet's first page drawn in HTML, as the PDF lays them out: the A4 grid of
 * the chosen size, or a roll's cards one under another; each with the tenant, plan, price,
 * validity, code(s) and the login QR code.
 */
export function PrintPreview(props: PrintPreviewProps) {
  const qr = useQrImages(props.cards.flatMap((c) => (c.qrText ? [c.qrText] : [])));
  const grid = props.layout === 'a4' ? A4_GRIDS[props.cardsPerPage as A4CardsPerPage] : undefined;
  const style = grid ? ({ gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))` } as CSSProperties) : undefined;
  return (
    // Focusable, so a keyboard can scroll the page preview (it is taller than the dialog).
    <div className="print-preview" data-testid="print-preview" role="region" aria-label="Preview of the first page" tabIndex={0}>
      <div className={`preview-page ${props.layout}`} style={style}>
        {props.cards.map((card) => {
          const image = card.qrText ? qr.get(card.qrText) : undefined;
          return (
            <div key={card.username} className="voucher-card" data-testid={`print-card-${card.username}`}>
              <div className="card-head">
                {props.logo && <img src={props.logo} alt="" />}
                <span>{props.tenantName}</span>
              </div>
              <div className="card-text">
                <span>
                  {props.planName} · {props.priceText}
                </span>
                <span>{props.validityText}</span>
                {card.password === null ? (
                  <span className="card-code" data-testid="print-card-code">
                    {card.username}
                  </span>
                ) : (
                  <>
                    <span>
                      User <span className="card-code" data-testid="print-card-code">{card.username}</span>
                    </span>
                    <span>
                      Pass <span className="card-code">{card.password}</span>
                    </span>
                  </>
                )}
              </div>
              {image ? <img className="card-qr" src={image} alt={`QR code: log in as ${card.username}`} /> : <span className="card-qr" aria-hidden="true" />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
