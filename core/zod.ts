import { z } from 'zod';

// Extension pages and content scripts forbid eval. Without `jitless`, zod probes `new Function`
// once, and a strict CSP reports that probe as a violation even though zod catches the error.
z.config({ jitless: true });

export { z };
