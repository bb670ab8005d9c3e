/**
 * The project's WXT config with minification off, for `bench-page.ts --profile`: the same
 * extension, with function names a profile can be read by.
 */
import { defineConfig } from 'wxt';
import base from '../../wxt.config.ts';

export default defineConfig({
  ...base,
  vite: async (env) => {
    const inherited = (await base.vite?.(env)) ?? {};
    return { ...inherited, build: { ...inherited.build, minify: false } };
  },
});
