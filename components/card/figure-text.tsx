import type { ShownFigure } from './card-content';

/** A figure with its qualifiers as small tags beside it ("~130B" [est.]). */
export function FigureText({ value, class: className }: { value: ShownFigure; class?: string }) {
  if (value.notReported) {
    return <span class={`figure not-reported ${className ?? ''}`}>{value.text}</span>;
  }
  return (
    <span class={`figure ${className ?? ''}`}>
      <span class="amount">{value.text}</span>
      {value.qualifiers.map((qualifier) => (
        <span key={qualifier} class="qualifier">
          {qualifier}
        </span>
      ))}
    </span>
  );
}
