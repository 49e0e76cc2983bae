import type { Demo, DemoSignIn } from './demo-fleet';

/** The demo's accounts as a short table for the terminal (passwords are fresh on every start), and where its data lives. */
export function formatSignIns(signIns: readonly DemoSignIn[], routers: number, dataDir?: string): string {
  const lines = [`Demo: ${routers} simulated routers${dataDir ? `, data in the demo's own folder ${dataDir}` : ''}. Sign in with:`];
  for (const s of signIns) lines.push(`  ${s.username.padEnd(14)} ${s.password.padEnd(14)} ${s.role}${s.tenant ? ` of ${s.tenant}` : ''}`);
  return lines.join('\n') + '\n';
}

/** How long the sign-ins wait for the demo's routers to come online (their logs come first) before they are printed. */
const ONLINE_WAIT_MS = 20_000;

/** The sign-in table, once the demo's routers are online (or the wait is over), so it is the last thing printed. */
export async function signInsOnceOnline(demo: Demo, dataDir: string): Promise<string> {
  await demo.online(ONLINE_WAIT_MS);
  return formatSignIns(demo.signIns, demo.routers.length, dataDir);
}
