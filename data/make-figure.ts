import type { Figure, FigureCell, Measure, NotReported, SectionId, Unit } from './schema';

export type FigureQualifiers = Omit<Figure, 'kind' | 'value' | 'unit'>;

/** Shorthand for writing the article's figures in the data files. */
export function figure(value: number, unit: Unit, qualifiers: FigureQualifiers = {}): Figure {
  return { kind: 'figure', value, unit, ...qualifiers };
}

export const NOT_REPORTED: NotReported = { kind: 'not-reported' };

/** Returns a function that tags figures with the part of the article they come from. */
export function cellsFrom(source: SectionId): (measure: Measure) => FigureCell {
  return (measure) => ({ ...measure, source });
}
