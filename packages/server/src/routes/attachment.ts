/**
 * A Content-Disposition for a download: an ASCII file name for old clients
 * and the exact name (RFC 6266 / RFC 5987) for the rest.
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
