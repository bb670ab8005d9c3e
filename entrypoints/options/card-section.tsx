import { useId, useState } from 'preact/hooks';
import {
  CardTriggerSchema,
  MAX_DELAY_MS,
  ModifierKeySchema,
  type Settings,
} from '../../core/settings';
import type { SectionProps } from './section-props';

// Fine enough to feel continuous, coarse enough that arrow keys move it noticeably.
const DELAY_STEP_MS = 50;

const setCard =
  (patch: Partial<Settings['card']>) =>
  (settings: Settings): Settings => ({ ...settings, card: { ...settings.card, ...patch } });

export function CardSection({ settings, t, change }: SectionProps) {
  const id = useId();
  // The slider shows each step while dragged; only the value it is let go at is stored.
  const [draftDelay, setDraftDelay] = useState<number>();
  const delay = draftDelay ?? settings.card.delayMs;
  const { trigger } = settings.card;

  return (
    <section class="panel" aria-labelledby="card-heading">
      <h2 id="card-heading">{t.card.heading}</h2>

      <div class="field">
        <label for={`${id}-delay`}>{t.card.delay}</label>
        <div class="slider">
          <input
            id={`${id}-delay`}
            type="range"
            min={0}
            max={MAX_DELAY_MS}
            step={DELAY_STEP_MS}
            value={delay}
            aria-describedby={`${id}-delay-hint`}
            aria-valuetext={t.card.delayValue(delay)}
            disabled={trigger === 'click'}
            onInput={(event) => setDraftDelay(event.currentTarget.valueAsNumber)}
            onChange={(event) => {
              setDraftDelay(undefined);
              change(setCard({ delayMs: event.currentTarget.valueAsNumber }));
            }}
          />
          <output for={`${id}-delay`} class="slider-value">
            {t.card.delayValue(delay)}
          </output>
        </div>
        <p class="hint" id={`${id}-delay-hint`}>
          {t.card.delayHint}
        </p>
      </div>

      <fieldset class="field">
        <legend>{t.card.trigger}</legend>
        {CardTriggerSchema.options.map((option) => (
          <div key={option} class="choice">
            <label class="check">
              <input
                type="radio"
                name={`${id}-trigger`}
                value={option}
                checked={trigger === option}
                onChange={() => change(setCard({ trigger: option }))}
              />
              <span>{t.card.triggers[option]}</span>
            </label>
            {option === 'modifier' && trigger === 'modifier' && (
              <div class="nested">
                <label for={`${id}-modifier`}>{t.card.modifier}</label>
                <select
                  id={`${id}-modifier`}
                  value={settings.card.modifier}
                  onChange={(event) =>
                    change(
                      setCard({ modifier: ModifierKeySchema.parse(event.currentTarget.value) }),
                    )
                  }
                >
                  {ModifierKeySchema.options.map((key) => (
                    <option key={key} value={key}>
                      {t.card.modifiers[key]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
        ))}
      </fieldset>

      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.card.openOnFocus}
            onChange={(event) => change(setCard({ openOnFocus: event.currentTarget.checked }))}
          />
          <span>{t.card.focus}</span>
        </label>
      </div>
    </section>
  );
}
