import { expect, it } from 'vitest';
it('has layout', () => {
  const d = document.createElement('div');
  d.textContent = 'hello';
  document.body.append(d);
  expect(d.getBoundingClientRect().width).toBeGreaterThan(0);
  expect(typeof CSS.highlights).toBe('object');
});
