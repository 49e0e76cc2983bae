import type { MenuOp } from '../routers/io/shard-protocol';
import { routerMenu } from '../plans/plan-sync';
import { ownedMarker } from './desired-row';
import { diffRows, type PlannedStep } from './plan-diff';
import { OWNED_MENUS, templateRows } from './template-rows';
import type { ProvisioningServices } from './provisioning-services';
import type { TemplateSpec } from './template-contract';

type Services = Omit<ProvisioningServices, 'log'>;

export interface RouterPlan {
  steps: PlannedStep[];
  unchanged: number;
  /** Why the plan must not be applied as it stands; null when it may. */
  blocked: string | null;
}

export interface PlanTarget {
  tenantId: number;
  routerId: number;
  templateId: number;
  spec: TemplateSpec;
}

/**
 * Reads what the router has in every menu the template touches (one print each, pipelined on
 * its connection) and works out the plan. Throws RouterUnavailableError when the router is down.
 */
export async function planOnRouter(services: Services, target: PlanTarget): Promise<RouterPlan> {
  const { router, plans } = await services.business.read(async (tx) => ({ router: await tx.tenants.router(target.routerId), plans: await tx.plans.list(target.tenantId) }));
  if (!router || router.tenantId !== target.tenantId) return { steps: [], unchanged: 0, blocked: `router ${target.routerId} is no longer one of this tenant’s routers` };
  const rows = templateRows(target.spec, { templateId: target.templateId, routerName: router.name, version: services.routerStatus.get(target.routerId).version, plans });
  const wanted = [...new Set(rows.map((r) => r.menu))];
  const menus = [...new Set([...wanted, ...OWNED_MENUS])];
  const read = await routerMenu(services, target.routerId, menus.map<MenuOp>((path) => ({ verb: 'print', path })));
  const seen = new Map<string, Array<Record<string, string>>>();
  const problems: string[] = [];
  menus.forEach((menu, i) => {
    const result = read[i]!;
    if (result.ok) seen.set(menu, result.rows);
    // A menu only searched for stale rows may be missing (no hotspot package): nothing to remove there.
    else if (wanted.includes(menu)) problems.push(`the router would not list ${menu}: ${result.message}`);
  });
  const diff = diffRows(rows, seen, OWNED_MENUS, ownedMarker(target.templateId));
  problems.push(...diff.problems);
  if (target.spec.apiHardening?.sslOnly && router.tls === 'off' && diff.steps.some((s) => s.menu === '/ip/service')) {
    problems.unshift(`the console reaches '${router.name}' over the plain API, which this template turns off: switch the router to api-ssl in its settings first (or untick "api-ssl only")`);
  }
  return { steps: diff.steps, unchanged: diff.unchanged, blocked: problems.length > 0 ? problems.join('; ') : null };
}
