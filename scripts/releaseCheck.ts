import { MENU_COMMANDS, QUICK_EDIT_PARAMETERS, RELAUNCH_COMMANDS } from '../core/commands.ts';
import { isLoopbackUrl, RUNWARE_REST_URL, RUNWARE_WS_URL } from '../core/runware/endpoints.ts';

/** The hosts a published build may reach: the two Runware hosts the plugin calls, and nothing else. */
export const PRODUCTION_HOSTS = [RUNWARE_REST_URL, RUNWARE_WS_URL].map((u) => new URL(u).origin);

interface Manifest {
  id?: unknown;
  name?: unknown;
  api?: unknown;
  editorType?: unknown;
  documentAccess?: unknown;
  networkAccess?: { allowedDomains?: unknown; devAllowedDomains?: unknown; reasoning?: unknown };
  menu?: { command?: unknown; parameters?: { key?: unknown; optional?: unknown }[] }[];
  relaunchButtons?: { command?: unknown }[];
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Why a manifest cannot be published, in one line, or undefined when it can: a numeric id
 * (Figma assigns it), only the production hosts with their reasoning, loopback-only dev hosts,
 * dynamic-page, and menu and relaunch commands that are the ones the code handles.
 */
export function releaseProblem(m: Manifest): string | undefined {
  if (typeof m.id !== 'string' || !/^\d{6,30}$/.test(m.id)) return `the id must be the numeric id Figma assigned at publishing (got ${JSON.stringify(m.id)})`;
  if (typeof m.name !== 'string' || !m.name.trim()) return 'the manifest has no name';
  if (m.api !== '1.0.0') return 'api must be "1.0.0"';
  if (!Array.isArray(m.editorType) || !sameSet(m.editorType, ['figma'])) return 'editorType must be ["figma"]';
  if (m.documentAccess !== 'dynamic-page') return 'documentAccess must be "dynamic-page"';
  const net = m.networkAccess;
  const allowed = Array.isArray(net?.allowedDomains) ? net.allowedDomains : [];
  const extra = allowed.filter((d) => !PRODUCTION_HOSTS.includes(d as string));
  if (extra.length) return `networkAccess.allowedDomains has hosts the plugin does not call: ${extra.join(', ')}`;
  const missing = PRODUCTION_HOSTS.filter((h) => !allowed.includes(h));
  if (missing.length) return `networkAccess.allowedDomains lacks ${missing.join(', ')}`;
  if (typeof net?.reasoning !== 'string' || net.reasoning.trim().length < 20) return 'networkAccess.reasoning must say why the hosts are needed';
  const dev = Array.isArray(net?.devAllowedDomains) ? net.devAllowedDomains : [];
  const notLocal = dev.filter((d) => typeof d !== 'string' || !isLoopbackUrl(d));
  if (notLocal.length) return `networkAccess.devAllowedDomains may list loopback hosts only, not ${notLocal.join(', ')}`;
  const menu = (m.menu ?? []).map((i) => i.command);
  if (!sameSet(menu, Object.values(MENU_COMMANDS)))
    return `menu commands ${JSON.stringify(menu)} are not the ones the code handles (${Object.values(MENU_COMMANDS).join(', ')})`;
  const quick = (m.menu ?? []).find((i) => i.command === MENU_COMMANDS.quick);
  const keys = (quick?.parameters ?? []).map((p) => p.key);
  if (JSON.stringify(keys) !== JSON.stringify(QUICK_EDIT_PARAMETERS)) return `the quick edit's parameters must be ${QUICK_EDIT_PARAMETERS.join(', ')}`;
  const relaunch = (m.relaunchButtons ?? []).map((b) => b.command);
  if (!sameSet(relaunch, Object.values(RELAUNCH_COMMANDS)))
    return `relaunch commands ${JSON.stringify(relaunch)} are not the ones the code sets (${Object.values(RELAUNCH_COMMANDS).join(', ')})`;
  return undefined;
}
