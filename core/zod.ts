import * as z from 'zod/mini';

// zod/mini, not full zod: its functions are separate exports a bundler drops when unused, so the
// content script carries only the validators it calls (full zod, which cannot be trimmed, was the
// largest part of it). Mini has no error wording of its own (every issue reads "Invalid input"),
// so text shown to readers is built from each issue's `code` and `path`.
//
// Extension pages and content scripts forbid eval. Full zod's objects probe `new Function` once,
// and a strict CSP reports the probe as a violation even though zod catches the error; mini's
// objects do not compile parsers today, and `jitless` keeps any zod code from trying.
z.config({ jitless: true });

export { z };
