import { applyProplist, type ParsedCommand, recordWords } from './command-words';
import type { CommandIo } from './menu-commands';
import type { MenuRow } from './model/menu';
import type { InterfaceData } from './model/menus-system';
import type { SimRouterModel } from './model/router-model';
import { RouterTrap } from './router-trap';
import type { RosRecord } from './types';

// A stalled ticker catching up must not flood the client: at most this many samples per tick.
const MAX_SAMPLES_PER_TICK = 5;

/**
 * `/interface/monitor-traffic =interface=a,b [=once=]`: one `!re` per interface now, then one per
 * interface for every second of model time until /cancel. Open streams are counted per interface
 * (`model.trafficMonitors`) so tests can see a console stop watching.
 */
export function monitorTraffic(model: SimRouterModel, cmd: ParsedCommand, io: CommandIo): void {
  const names = (cmd.attrs.interface ?? '').split(',').filter((n) => n !== '');
  if (names.length === 0) throw new RouterTrap('missing value(s) of argument(s) interface', 1);
  const menu = model.menu('/interface');
  for (const name of names) if (!menu.find(name)) throw new RouterTrap('input does not match any value of interface', 1);
  const sample = () => {
    for (const name of names) {
      const row = menu.find(name) as MenuRow<InterfaceData> | undefined;
      io.reply(['!re', ...recordWords(applyProplist(rates(name, row, model.clockMs), cmd.proplist))]);
    }
  };
  sample();
  if (cmd.attrs.once !== undefined) return io.done();
  let lastSecond = Math.floor(model.clockMs / 1000);
  const leaveTicks = model.onTick(() => {
    const second = Math.floor(model.clockMs / 1000);
    const due = Math.min(second - lastSecond, MAX_SAMPLES_PER_TICK);
    lastSecond = second;
    for (let i = 0; i < due; i++) sample();
  });
  const uncount = model.trafficMonitors.start(names);
  io.stream(() => {
    leaveTicks();
    uncount();
  });
}

function rates(name: string, row: MenuRow<InterfaceData> | undefined, clockMs: number): RosRecord {
  const flow = row?.data.flow;
  const up = row?.values.disabled !== 'true';
  // The rate wobbles ±20 % with model time so a live chart moves; still a pure function of time.
  const wobble = 1 + 0.2 * Math.sin(clockMs / 7000);
  const rx = up ? Math.round((flow?.rateIn ?? 0) * wobble) : 0;
  const tx = up ? Math.round((flow?.rateOut ?? 0) * wobble) : 0;
  return {
    name,
    'rx-packets-per-second': String(Math.round(rx / 800)),
    'rx-bits-per-second': String(rx * 8),
    'fp-rx-packets-per-second': '0',
    'fp-rx-bits-per-second': '0',
    'rx-drops-per-second': '0',
    'rx-errors-per-second': '0',
    'tx-packets-per-second': String(Math.round(tx / 800)),
    'tx-bits-per-second': String(tx * 8),
    'fp-tx-packets-per-second': '0',
    'fp-tx-bits-per-second': '0',
    'tx-drops-per-second': '0',
    'tx-queue-drops-per-second': '0',
    'tx-errors-per-second': '0',
  };
}
