/**
 * The Content-Security-Policy Figma derives from a manifest's networkAccess: only the
 * listed hosts (plus dev hosts while developing) may be reached from the plugin iframe.
 */
export function pluginCsp(allowedDomains: readonly string[]): string {
  const hosts = allowedDomains.join(' ');
  return [
    "default-src 'none'",
    "script-src 'unsafe-inline'",
    "style-src 'unsafe-inline'",
    `img-src data: blob: ${hosts}`,
    `connect-src ${hosts}`,
    'font-src data:',
  ].join('; ');
}

export interface Manifest {
  networkAccess: { allowedDomains: string[]; devAllowedDomains?: string[] };
}
