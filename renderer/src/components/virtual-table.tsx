import '../styles/components.css';
import '../styles/virtual-table.css';
import { memo, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SortDirection } from '../live/sorted-view';
import { fitColumns } from './fit-columns';
import { useElementWidth } from './use-element-width';
import { useHeldOrder } from './use-held-order';

export interface TableColumn<R> {
  id: string;
  header: string;
  /** Width in px; a `grow` column takes the spare width on top. */
  width: number;
  grow?: boolean;
  align?: 'start' | 'end';
  /** Clicking the header sorts by this column (the store decides the direction). */
  sortable?: boolean;
  /** Stays in view at the right edge when the table scrolls sideways (row actions). */
  pinned?: boolean;
  /** 1 (or none): always shown; larger numbers fold into the row detail first when the table is narrow. */
  priority?: number;
  /** The full value as text: the cell's hover title, the row detail and the CSV export. Columns without it (actions) are neither. */
  text?: (row: R) => string;
  cell: (row: R) => ReactNode;
}

export interface VirtualTableProps<R> {
  label: string;
  testId: string;
  columns: readonly TableColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowTestId?: (row: R) => string;
  rowClassName?: (row: R) => string | undefined;
  sort?: { column: string; direction: SortDirection };
  onSort?: (column: string) => void;
  /**
   * Freeze order: while the pointer (or keyboard focus) is on the rows, they keep their places
   * (live values change, the order does not); the current order applies when it leaves. The key names the sort and
   * filter the person chose, whose change applies at once.
   */
  holdOrderKey?: string;
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
  rowHeight?: number;
}

const HEADER_HEIGHT = 36;

const cellClass = (column: TableColumn<never>) => `vt-cell vt-${column.align ?? 'start'}${column.pinned ? ' vt-pinned' : ''}`;

/**
 * A grid that renders only the rows in view (plus a few), so 20,000 live rows cost the same
 * as 40. ARIA grid semantics: aria-rowcount is the full count, each rendered row carries its
 * aria-rowindex, and sortable headers expose aria-sort. Columns that do not fit the width fold
 * away by priority (see fitColumns); the caller shows them in its row detail.
 */
export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { rowHeight = 34 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const { shown: columns, folded } = useMemo(() => fitColumns(props.columns, width), [props.columns, width]);
  // Said on the pinned (actions) header, where the row detail is opened.
  const foldedNote = folded.length === 0 ? undefined : `Not shown at this width, in each row's details: ${folded.map((c) => c.header).join(', ')}`;
  // Pointer or keyboard focus on the rows: either way the row someone is at must not move away.
  const [pointerIn, setPointerIn] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  const holding = props.holdOrderKey !== undefined && (pointerIn || focusIn);
  const held = useHeldOrder(props.rows, props.rowKey, props.holdOrderKey ?? '', holding);
  const rows = props.holdOrderKey === undefined ? props.rows : held;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    // Index keys (the default): every row has the same height, so positions follow from the
    // index alone. A key function (a new one each render) made the virtualizer walk all 20,000
    // rows again on every live batch; React keys come from rowKey below instead.
  });
  const template = columns.map((c) => (c.grow ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const gridStyle = { '--vt-columns': template, '--vt-min-width': `${minWidth}px` } as CSSProperties;

  return (
    <div
      className="vt"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      data-testid={props.testId}
      data-order-held={holding}
      // Which sort and filter the rows on screen are for: what a test (or a bench) waits on.
      data-view-key={props.holdOrderKey}
      style={gridStyle}
    >
      <div className="vt-scroll" ref={scrollRef}>
        <div className="vt-head" role="rowgroup">
          <div className="vt-row vt-header-row" role="row" aria-rowindex={1}>
            {columns.map((column, i) => {
              const sorted = props.sort?.column === column.id ? props.sort.direction : null;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-colindex={i + 1}
                  aria-sort={column.sortable ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                  className={cellClass(column)}
                  data-column={column.id}
                  title={column.pinned ? foldedNote : undefined}
                >
                  {column.sortable && props.onSort ? (
                    <button type="button" className="vt-sort" data-testid={`${props.testId}-sort-${column.id}`} onClick={() => props.onSort!(column.id)}>
                      {column.header}
                      <span className="vt-sort-mark" aria-hidden="true" title={sorted && holding ? 'Order paused while the pointer is over the rows' : undefined}>
                        {sorted && holding ? '⏸' : sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 ? (
          <div className="vt-empty">{props.empty}</div>
        ) : (
          <div
            className="vt-body"
            role="rowgroup"
            style={{ height: virtualizer.getTotalSize() }}
            onPointerEnter={() => setPointerIn(true)}
            onPointerLeave={() => setPointerIn(false)}
            onFocus={() => setFocusIn(true)}
            onBlur={(e) => setFocusIn(e.currentTarget.contains(e.relatedTarget))}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <VirtualRow
                  key={props.rowKey(row)}
                  row={row}
                  columns={columns}
                  index={item.index}
                  top={item.start - HEADER_HEIGHT}
                  height={item.size}
                  className={props.rowClassName?.(row)}
                  testId={props.rowTestId?.(row)}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface VirtualRowProps<R> {
  row: R;
  columns: readonly TableColumn<R>[];
  index: number;
  top: number;
  height: number;
  className: string | undefined;
  testId: string | undefined;
}

/**
 * One rendered row. Memoized: a live batch that patches 100 rows re-renders only those on
 * screen among them, and scrolling renders only rows that came into view.
 */
const VirtualRow = memo(function VirtualRow<R>(props: VirtualRowProps<R>) {
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className={props.className ? `vt-row ${props.className}` : 'vt-row'}
      data-testid={props.testId}
      style={{ height: props.height, transform: `translateY(${props.top}px)` }}
    >
      {props.columns.map((column, i) => (
        <div key={column.id} role="gridcell" aria-colindex={i + 1} className={cellClass(column)} data-column={column.id} title={column.text?.(props.row)}>
          {column.cell(props.row)}
        </div>
      ))}
    </div>
  );
}) as <R>(props: VirtualRowProps<R>) => ReactNode;
