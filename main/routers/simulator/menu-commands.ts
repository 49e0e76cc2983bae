import { applyProplist, type ParsedCommand, recordWords } from './command-words';
import type { InterfaceData } from './model/menus-system';
import type { MenuRow } from './model/menu';
import type { SimRouterModel } from './model/router-model';
import { monitorTraffic } from './monitor-traffic';
import { compileQuery } from './query';
import { RouterTrap } from './router-trap';
import type { MenuChange, RosRecord } from './types';

/**
 * The menu verbs (print/getall, listen, add, set, remove, get, monitor-traffic) against the
 * model. Replies go through `io`; a thrown RouterTrap becomes `!trap` + `!done`.
 */
export interface CommandIo {
  reply(words: string[]): void;
  done(extra?: string[]): void;
  /** The command keeps running (listen, follow, monitor) until cancelled; `stop` ends it silently. */
  stream(stop: () => void): void;
}

const MENU_VERBS = new Set(['print', 'getall', 'listen', 'add', 'set', 'remove', 'get']);

export function runMenuCommand(model: SimRouterModel, cmd: ParsedCommand, io: CommandIo): void {
  if (!model.hasMenu(cmd.path)) throw new RouterTrap(`no such command or directory (${unknownSegment(model, cmd.word)})`, 0);
  if (cmd.path === '/interface' && cmd.verb === 'monitor-traffic') return monitorTraffic(model, cmd, io);
  if (!MENU_VERBS.has(cmd.verb)) throw new RouterTrap(`no such command or directory (${cmd.verb})`, 0);
  switch (cmd.verb) {
    case 'print':
    case 'getall':
      return print(model, cmd, io);
    case 'listen':
      return listen(model, cmd, io);
    case 'add':
      return io.done([`=ret=${model.add(cmd.path, cmd.attrs)}`]);
    case 'set': {
      const { ids, attrs } = targets(model, cmd);
      for (const id of ids) model.set(cmd.path, id, attrs);
      return io.done();
    }
    case 'remove': {
      const { ids } = targets(model, cmd);
      if (ids.length === 0 || ids[0] === '') throw new RouterTrap('missing value(s) of argument(s) .id', 1);
      for (const id of ids) model.remove(cmd.path, id);
      return io.done();
    }
    case 'get': {
      const name = cmd.attrs['value-name'];
      if (name === undefined) throw new RouterTrap('missing value(s) of argument(s) value-name', 1);
      const id = cmd.attrs['.id'] ?? cmd.attrs.number ?? '';
      const row = model.get(cmd.path, id);
      if (!row) throw new RouterTrap('no such item', 0);
      if (row[name] === undefined) throw new RouterTrap(`no such property (${name})`, 1);
      return io.done([`=ret=${row[name]}`]);
    }
  }
}

/** The first segment of a command word that names no menu: RouterOS puts it in the message. */
function unknownSegment(model: SimRouterModel, word: string): string {
  const parts = word.split('/').filter((p) => p !== '');
  const menus = model.menus();
  for (let i = 0; i < parts.length; i++) {
    const prefix = `/${parts.slice(0, i + 1).join('/')}`;
    if (!menus.some((p) => p === prefix || p.startsWith(`${prefix}/`))) return parts[i]!;
  }
  return parts.at(-1) ?? word;
}

/** `.id` / `numbers` (comma list, names allowed) and the remaining attributes. */
function targets(model: SimRouterModel, cmd: ParsedCommand): { ids: string[]; attrs: RosRecord } {
  const { '.id': id, numbers, ...attrs } = cmd.attrs;
  const list = id ?? numbers;
  const singleton = model.menu(cmd.path).spec.singleton;
  if (list === undefined && !singleton) throw new RouterTrap('missing value(s) of argument(s) .id', 1);
  return { ids: singleton ? [''] : list!.split(','), attrs };
}

function rowsOf(model: SimRouterModel, cmd: ParsedCommand): RosRecord[] {
  const query = compileQuery(cmd.queries);
  const rows = model.print(cmd.path);
  return query ? rows.filter(query) : rows;
}

function print(model: SimRouterModel, cmd: ParsedCommand, io: CommandIo): void {
  if (cmd.attrs['count-only'] !== undefined) return io.done([`=ret=${rowsOf(model, cmd).length}`]);
  if (cmd.attrs['follow-only'] !== undefined) return listen(model, cmd, io);
  const rows = rowsOf(model, cmd);
  for (const row of rows) io.reply(['!re', ...recordWords(applyProplist(row, cmd.proplist))]);
  if (cmd.attrs.follow !== undefined) return listen(model, cmd, io);
  if (rows.length === 0 && model.version === '7.18') io.reply(['!empty']);
  io.done();
}

/** `listen`: an `!re` per change; removals as `=.id=… =.dead=yes`. Never ends by itself. */
function listen(model: SimRouterModel, cmd: ParsedCommand, io: CommandIo): void {
  const query = compileQuery(cmd.queries);
  const menu = model.menu(cmd.path);
  // Field reports: /interface/listen does not report the removal of dynamic (PPPoE) interfaces.
  const dynamicInterfaces = new Set<string>();
  const onChange = (change: MenuChange) => {
    if (change.kind === 'removed') {
      // Lines falling off the log's ring are not removals; /log/listen only reports new lines.
      if (cmd.path === '/log' || dynamicInterfaces.delete(change.id)) return;
      io.reply(['!re', `=.id=${change.id}`, '=.dead=yes']);
      return;
    }
    const row = menu.find(change.id) as MenuRow<unknown> | undefined;
    if (!row) return;
    if (cmd.path === '/interface' && (row.data as InterfaceData).dynamic) dynamicInterfaces.add(row.id);
    const rendered = menu.render(row);
    if (query && !query(rendered)) return;
    io.reply(['!re', ...recordWords(applyProplist(rendered, cmd.proplist))]);
  };
  if (cmd.path === '/interface') {
    for (const row of menu.all() as IterableIterator<MenuRow<InterfaceData>>) if (row.data.dynamic) dynamicInterfaces.add(row.id);
  }
  io.stream(model.onChange(cmd.path, onChange));
}
