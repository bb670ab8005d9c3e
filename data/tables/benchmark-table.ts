import { NOT_REPORTED, cellsFrom, figure } from '../make-figure';
import type { BenchmarkTable } from '../schema';

const cell = cellsFrom('benchmark-table');
/** The table prints every score with one decimal (92.0, 67.0). */
const score = (value: number) => cell(figure(value, 'points', { decimals: 1 }));

export const benchmarkTableData: BenchmarkTable = {
  source: 'benchmark-table',
  caption: {
    en: 'Benchmark performance',
    zh: '基准测试表现',
  },
  benchmarks: [
    { benchmarkId: 'mmlu', setting: '5-shot' },
    { benchmarkId: 'c-eval', setting: '5-shot' },
    { benchmarkId: 'gsm8k', setting: '8-shot' },
    { benchmarkId: 'humaneval', setting: 'Pass@1' },
  ],
  rows: [
    {
      modelId: 'glm-4',
      parameters: cell(figure(130e9, 'parameters', { approx: true, estimated: true })),
      scores: {
        mmlu: score(82.3),
        'c-eval': score(78.9),
        gsm8k: score(84.1),
        humaneval: score(48.9),
      },
    },
    {
      modelId: 'gpt-4',
      parameters: cell(figure(1.8e12, 'parameters', { approx: true, estimated: true })),
      scores: {
        mmlu: score(86.4),
        'c-eval': score(76.3),
        gsm8k: score(92.0),
        humaneval: score(67.0),
      },
    },
    {
      modelId: 'claude-3-opus',
      parameters: cell(NOT_REPORTED),
      scores: {
        mmlu: score(86.8),
        'c-eval': cell(NOT_REPORTED),
        gsm8k: score(95.0),
        humaneval: score(84.9),
      },
    },
    {
      modelId: 'qwen-72b',
      parameters: cell(figure(72e9, 'parameters')),
      scores: {
        mmlu: score(77.4),
        'c-eval': score(74.1),
        gsm8k: score(78.9),
        humaneval: score(40.2),
      },
    },
  ],
};
