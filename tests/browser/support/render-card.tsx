import { render } from 'preact';
import type { CardContent } from '@/components/card/card-content';
import { cardStrings } from '@/components/card/card-strings';
import { EntityCard } from '@/components/card/entity-card';

/** Renders a pinned English card for `content` into `into`, with handlers that do nothing. */
export function renderPinnedCard(content: CardContent, into: Element): void {
  render(
    <EntityCard
      content={content}
      strings={cardStrings.en}
      locale="en-US"
      accent="#1a73e8"
      pinned
      onBack={undefined}
      onClose={() => undefined}
      onShowEntity={() => undefined}
      onOpenTables={() => undefined}
    />,
    into,
  );
}
