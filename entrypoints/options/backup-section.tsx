import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultSettings, type Settings } from '../../core/settings';
import {
  EXPORT_FILE_NAME,
  exportSettingsJson,
  MAX_IMPORT_BYTES,
  parseSettingsImport,
  tooLargeProblem,
  type ImportProblem,
  type ImportResult,
} from '../../core/settings-import';
import type { UiLang } from '../../core/ui-language';
import type { OptionsStrings } from './options-strings';

/** Long enough to notice a mistake and reach the button, short enough not to linger. */
const UNDO_MS = 12_000;
// A hostile file can hold thousands of faults; the first few say enough to fix it.
const MAX_PROBLEMS_SHOWN = 20;
// Firefox cancels a download whose blob URL is revoked before the download starts.
const REVOKE_AFTER_MS = 60_000;

interface BackupProps {
  settings: Settings;
  lang: UiLang;
  t: OptionsStrings;
  /** Stores `next` whole; resolves false when the browser refused it (the page says why). */
  replace: (next: Settings) => Promise<boolean>;
}

type Notice =
  | { kind: 'reset' | 'imported'; previous: Settings }
  | { kind: 'undone' }
  | { kind: 'failed'; problems: ImportProblem[] };

function downloadJson(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = EXPORT_FILE_NAME;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

async function readImport(file: File): Promise<ImportResult> {
  // Checked before reading: a huge file would be read whole into memory first.
  if (file.size > MAX_IMPORT_BYTES) return tooLargeProblem(file.size);
  return parseSettingsImport(await file.text());
}

export function BackupSection({ settings, lang, t, replace }: BackupProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>();

  const undoable = notice?.kind === 'reset' || notice?.kind === 'imported';
  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => setNotice(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [notice, undoable]);

  const replaceWithUndo = async (next: Settings, kind: 'reset' | 'imported') => {
    const previous = settings;
    if (await replace(next)) setNotice({ kind, previous });
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again, after fixing it, fires another change.
    input.value = '';
    if (!file) return;
    let result: ImportResult;
    try {
      result = await readImport(file);
    } catch {
      result = {
        ok: false,
        problems: [{ path: '', reason: { en: t.backup.unreadable, zh: t.backup.unreadable } }],
      };
    }
    if (result.ok) await replaceWithUndo(result.settings, 'imported');
    else setNotice({ kind: 'failed', problems: result.problems });
  };

  return (
    <section class="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t.backup.heading}</h2>
      <div class="backup-actions">
        <div class="action">
          <button
            type="button"
            data-testid="export"
            onClick={() => downloadJson(exportSettingsJson(settings))}
          >
            {t.backup.export}
          </button>
          <p class="hint">{t.backup.exportHint}</p>
        </div>
        <div class="action">
          <button type="button" data-testid="import" onClick={() => fileInput.current?.click()}>
            {t.backup.import}
          </button>
          <input
            ref={fileInput}
            class="visually-hidden"
            type="file"
            accept="application/json,.json"
            tabIndex={-1}
            aria-label={t.backup.import}
            data-testid="import-file"
            onChange={(event) => void onFile(event.currentTarget)}
          />
          <p class="hint">{t.backup.importHint}</p>
        </div>
        <div class="action">
          <button
            type="button"
            class="danger"
            data-testid="reset"
            onClick={() => void replaceWithUndo(defaultSettings(), 'reset')}
          >
            {t.backup.reset}
          </button>
          <p class="hint">{t.backup.resetHint}</p>
        </div>
      </div>

      <div class="notice-area" role="status">
        {undoable && (
          <p class="notice">
            {notice.kind === 'reset' ? t.backup.resetDone : t.backup.imported}{' '}
            <button
              type="button"
              class="link"
              data-testid="undo"
              onClick={() => {
                void replace(notice.previous).then((ok) => ok && setNotice({ kind: 'undone' }));
              }}
            >
              {t.backup.undo}
            </button>
          </p>
        )}
        {notice?.kind === 'undone' && <p class="notice">{t.backup.undone}</p>}
      </div>
      {notice?.kind === 'failed' && (
        <div class="problems" role="alert" data-testid="import-problems">
          <p>{t.backup.importFailed}</p>
          <ul>
            {notice.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem, index) => (
              <li key={index}>
                <code>{problem.path || t.backup.fileLevel}</code>: {problem.reason[lang]}
              </li>
            ))}
          </ul>
          {notice.problems.length > MAX_PROBLEMS_SHOWN && (
            <p>{t.backup.moreProblems(notice.problems.length - MAX_PROBLEMS_SHOWN)}</p>
          )}
        </div>
      )}
    </section>
  );
}
