import type { DemoSignIn } from './demo-fleet';

/** The demo's accounts as a short table for the terminal (passwords are fresh on every start), and where its data lives. */
export function formatSignIns(signIns: readonly DemoSignIn[], routers: number, dataDir?: string): string {
  const lines = [`Demo: ${routers} simulated routers${dataDir ? `, data in the demo's own folder ${dataDir}` : ''}. Sign in with:`];
  for (const s of signIns) lines.push(`  ${s.username.padEnd(14)} ${s.password.padEnd(14)} ${s.role}${s.tenant ? ` of ${s.tenant}` : ''}`);
  return lines.join('\n') + '\n';
}
