import { z } from 'zod';

// The server's Content-Security-Policy forbids eval. Without this, zod probes
// `new Function` to compile faster parsers and the browser reports a CSP
// violation. Imported first in main.tsx, before any module builds or uses a schema.
z.config({ jitless: true });
