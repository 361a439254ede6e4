import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the web UI: packages/web/dist, beside this package (from src/ and dist/ alike). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}
