import { useId, useMemo, useState } from 'preact/hooks';
import type { PlainTable } from '../../core/table-export';
import {
  bestIndexes,
  flipDirection,
  sortRows,
  type Better,
  type SortDirection,
} from '../../core/table-sort';
import { localeOf, type UiLang } from '../../core/ui-language';
import { CopyTableButtons } from './copy-table-buttons';
import { NOT_REPORTED_MARK, type TableCell } from './table-cell';
import { tableStrings, type TableStrings } from './table-strings';
import './data-table.css';

export interface TableColumn<R> {
  id: string;
  label: string;
  /** A quieter second line in the header, such as the evaluation setting "5-shot". */
  note?: string;
  /** Right-aligned, and sorted from high to low on the first click. */
  numeric?: boolean;
  /** Mark the best value of the column. */
  best?: Better;
  /** The column that names the row: its cells are `<th scope="row">`. */
  rowHeader?: boolean;
  /** A column of sentences: given room so it does not wrap a word per line. */
  prose?: boolean;
  cell: (row: R) => TableCell;
}

export interface DataTableProps<R> {
  caption: string;
  /** Shown under the caption: what a marker in the table means, such as "proj.". */
  captionNote?: string;
  columns: readonly TableColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Extra class for a row, such as a projected year. */
  rowClass?: (row: R) => string | undefined;
  lang: UiLang;
  /** Where the figures come from, carried into the Markdown copy. */
  source: string;
}

interface SortState {
  columnId: string;
  direction: SortDirection;
}

function NotReported({ strings }: { strings: TableStrings }) {
  return (
    <span class="zf-not-reported" title={strings.notReported}>
      <span aria-hidden="true">{NOT_REPORTED_MARK}</span>
      <span class="zf-visually-hidden">{strings.notReported}</span>
    </span>
  );
}

function CellContent({
  cell,
  best,
  strings,
}: {
  cell: TableCell;
  best: boolean;
  strings: TableStrings;
}) {
  return (
    <>
      <span class="zf-cell-main">
        {cell.notReported ? <NotReported strings={strings} /> : cell.text}
        {cell.qualifiers.map((label) => (
          <span class="zf-qualifier" key={label}>
            {label}
          </span>
        ))}
        {best && (
          <span class="zf-best-mark" title={strings.best}>
            <span aria-hidden="true">★</span>
            <span class="zf-visually-hidden">({strings.best})</span>
          </span>
        )}
      </span>
      {cell.note && <span class="zf-cell-note">{cell.note}</span>}
    </>
  );
}

function SortIcon({ direction }: { direction: SortDirection | undefined }) {
  const glyph = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <span class="zf-sort-icon" aria-hidden="true">
      {glyph}
    </span>
  );
}

/**
 * A real `<table>` with a caption and header scopes. Sortable columns have a button in their
 * header and `aria-sort` while sorted; "not reported" stays last in both directions. The best
 * value of a column is marked by a star and words for screen readers, not by colour alone.
 */
export function DataTable<R>({
  caption,
  captionNote,
  columns,
  rows,
  rowKey,
  rowClass,
  lang,
  source,
}: DataTableProps<R>) {
  const strings = tableStrings[lang];
  const captionId = useId();
  const [sort, setSort] = useState<SortState | undefined>(undefined);

  const cells = useMemo(
    () => rows.map((row) => ({ row, cells: columns.map((column) => column.cell(row)) })),
    [rows, columns],
  );

  // Best values are found over all rows, before sorting, so the marks never move.
  const best = useMemo(
    () =>
      columns.map((column, index) => {
        if (!column.best) return new Set<number>();
        const values = cells.map((entry) => {
          const key = entry.cells[index]?.sortKey;
          return typeof key === 'number' ? key : undefined;
        });
        return bestIndexes(values, column.best);
      }),
    [cells, columns],
  );

  const ordered = useMemo(() => {
    const indexed = cells.map((entry, index) => ({ ...entry, index }));
    const columnIndex = sort ? columns.findIndex((column) => column.id === sort.columnId) : -1;
    if (!sort || columnIndex < 0) return indexed;
    return sortRows({
      rows: indexed,
      keyOf: (entry) => entry.cells[columnIndex]?.sortKey,
      direction: sort.direction,
      locale: localeOf(lang),
    });
  }, [cells, columns, sort, lang]);

  const plain: PlainTable = {
    caption,
    headers: columns.map((column) =>
      column.note ? `${column.label} (${column.note})` : column.label,
    ),
    rows: ordered.map((entry) => entry.cells.map((cell) => cell.exportText)),
    numericColumns: columns.flatMap((column, index) => (column.numeric ? [index] : [])),
    source,
  };

  const toggleSort = (column: TableColumn<R>) => {
    setSort((current) =>
      current?.columnId === column.id
        ? { columnId: column.id, direction: flipDirection(current.direction) }
        : { columnId: column.id, direction: column.numeric ? 'descending' : 'ascending' },
    );
  };

  const hasBest = columns.some((column) => column.best);

  return (
    <div class="zf-table-block">
      <div class="zf-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table class="zf-table">
          <caption id={captionId}>
            <span class="zf-caption-title">{caption}</span>
            {captionNote && <span class="zf-caption-note">{captionNote}</span>}
            <span class="zf-visually-hidden">{strings.sortHint}</span>
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const direction = sort?.columnId === column.id ? sort.direction : undefined;
                const heading = (
                  <>
                    <span>{column.label}</span>
                    {column.note && <span class="zf-th-note">{column.note}</span>}
                  </>
                );
                return (
                  <th
                    key={column.id}
                    scope="col"
                    class={
                      [column.numeric ? 'zf-numeric' : '', column.prose ? 'zf-prose' : '']
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    aria-sort={direction}
                    data-column={column.id}
                  >
                    <button type="button" class="zf-sort" onClick={() => toggleSort(column)}>
                      <span class="zf-th-text">{heading}</span>
                      <SortIcon direction={direction} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {ordered.map((entry) => (
              <tr
                key={rowKey(entry.row)}
                class={rowClass?.(entry.row)}
                data-row={rowKey(entry.row)}
              >
                {columns.map((column, index) => {
                  const cell = entry.cells[index];
                  if (!cell) return null;
                  const isBest = best[index]?.has(entry.index) ?? false;
                  const classes = [
                    column.numeric ? 'zf-numeric' : '',
                    column.prose ? 'zf-prose' : '',
                    isBest ? 'zf-best' : '',
                    cell.figure ? 'zf-figure' : '',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  const content = <CellContent cell={cell} best={isBest} strings={strings} />;
                  return column.rowHeader ? (
                    <th
                      key={column.id}
                      scope="row"
                      class={classes || undefined}
                      data-column={column.id}
                    >
                      {content}
                    </th>
                  ) : (
                    <td key={column.id} class={classes || undefined} data-column={column.id}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="zf-table-footer">
        {hasBest && (
          <p class="zf-table-legend">
            <span class="zf-best-mark" aria-hidden="true">
              ★
            </span>{' '}
            {strings.bestLegend}
          </p>
        )}
        <CopyTableButtons table={plain} strings={strings} />
      </div>
    </div>
  );
}
