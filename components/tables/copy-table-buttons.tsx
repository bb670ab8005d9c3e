import { useEffect, useRef, useState } from 'preact/hooks';
import { tableToCsv, tableToMarkdown, type PlainTable } from '../../core/table-export';
import type { TableStrings } from './table-strings';

type CopyFormat = 'csv' | 'markdown';
type CopyStatus = { format: CopyFormat; ok: boolean } | undefined;

// Long enough to be read, short enough that a second copy shows a fresh confirmation.
const STATUS_MS = 2500;

const FORMATS: readonly { format: CopyFormat; write: (t: PlainTable) => string }[] = [
  { format: 'csv', write: tableToCsv },
  { format: 'markdown', write: tableToMarkdown },
];

/** One click copies the table, as shown and in its current order, as CSV or Markdown. */
export function CopyTableButtons({ table, strings }: { table: PlainTable; strings: TableStrings }) {
  const [status, setStatus] = useState<CopyStatus>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async (format: CopyFormat, write: (t: PlainTable) => string) => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(write(table));
    } catch {
      ok = false;
    }
    setStatus({ format, ok });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(undefined), STATUS_MS);
  };

  return (
    <div class="zf-copy">
      <span class="zf-copy-status" role="status" data-ok={status ? String(status.ok) : undefined}>
        {status ? (status.ok ? strings.copied : strings.copyFailed) : ''}
      </span>
      {FORMATS.map(({ format, write }) => {
        const label = format === 'csv' ? strings.copyCsv : strings.copyMarkdown;
        return (
          <button
            type="button"
            key={format}
            class="zf-button zf-button-small"
            data-copy={format}
            // The visible words come first so a voice user can say them; the caption tells which table.
            aria-label={`${label}: ${table.caption}`}
            onClick={() => void copy(format, write)}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
