/** Records a Chrome trace of one tab over CDP, in memory. */
import type { CDPSession } from 'playwright';
import type { TraceEvent } from './trace-attribution.ts';

const BASE_CATEGORIES = [
  // Tasks (RunTask), script entry points with their URL (EvaluateScript, FunctionCall), events.
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // Microtask checkpoints (RunMicrotasks): promise continuations carry no script URL.
  'v8.execute',
  // performance.mark() from the page: the probe's clock.
  'blink.user_timing',
];
// JS stack samples: the only way to tell whose code ran inside a microtask checkpoint.
const SAMPLER = 'disabled-by-default-v8.cpu_profiler';

export interface TraceRecorder {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(
  cdp: CDPSession,
  { sampling }: { sampling: boolean },
): Promise<TraceRecorder> {
  const events: TraceEvent[] = [];
  const onData = (message: { value: readonly unknown[] }) => {
    for (const event of message.value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: sampling ? [...BASE_CATEGORIES, SAMPLER] : BASE_CATEGORIES,
    },
  });
  return {
    async stop() {
      const complete = new Promise<void>((done) =>
        cdp.once('Tracing.tracingComplete', () => done()),
      );
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}
