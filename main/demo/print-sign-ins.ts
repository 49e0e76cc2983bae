import type { DemoSignIn } from './demo-fleet';

/** The demo's accounts as a short table for the terminal (passwords are fresh on every start). */
export function formatSignIns(signIns: readonly DemoSignIn[], routers: number): string {
  const lines = [`Demo: ${routers} simulated routers. Sign in with:`];
  for (const s of signIns) lines.push(`  ${s.username.padEnd(14)} ${s.password.padEnd(14)} ${s.role}${s.tenant ? ` of ${s.tenant}` : ''}`);
  return lines.join('\n') + '\n';
}
