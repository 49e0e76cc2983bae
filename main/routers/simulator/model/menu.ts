import { RouterTrap } from '../router-trap';
import type { MenuChange, RosRecord } from '../types';
import { formatId } from '../values';
import { type FieldSpec, type NameLookup, normalizeField } from './fields';

/** One item of a menu: its settable values plus, for live items, state the renderer reads. */
export interface MenuRow<D = unknown> {
  id: string;
  values: RosRecord;
  data: D;
}

export interface MenuSpec<D = unknown> {
  path: string;
  fields: Record<string, FieldSpec>;
  /** Which provisioning verbs exist; a missing verb is "no such command". */
  verbs: { add?: boolean; set?: boolean; remove?: boolean };
  /** Field that addresses an item instead of its `.id` and must be unique. */
  nameField?: string;
  /**
   * The trap for an add or rename onto a name already taken: RouterOS words it per menu.
   * @defaultValue 'failure: already have such name'
   */
  duplicateNameMessage?: string;
  /** Items that cannot be removed (the built-in `default` profiles). */
  builtIn?: readonly string[];
  /** A single-item menu (identity, resource): no `.id`. */
  singleton?: boolean;
  /** First `.id` number. */
  firstId?: number;
  /** Properties computed at print time (counters, uptime, flags); appended after the values. */
  render?: (row: MenuRow<D>) => RosRecord;
  /** Fresh state for an item added by a client. */
  initialData?: () => D;
  /** Side effects of a removal (kick, release an address) before listeners hear of it. */
  onRemove?: (row: MenuRow<D>) => void;
  /** Checks across fields or menus after normalising (e.g. one hotspot server per interface). */
  validate?: (values: RosRecord, existing: MenuRow<D> | undefined) => void;
  /** Side effects of a client's add or set (a bridge's own /interface row); `before` is the values before a set. */
  afterWrite?: (row: MenuRow<D>, before: RosRecord | undefined) => void;
}

type Listener = (change: MenuChange) => void;

export class Menu<D = unknown> {
  private rows = new Map<string, MenuRow<D>>();
  private byName = new Map<string, MenuRow<D>>();
  private listeners = new Set<Listener>();
  private nextId: number;

  constructor(
    readonly spec: MenuSpec<D>,
    private readonly lookup: NameLookup,
  ) {
    this.nextId = spec.firstId ?? 1;
  }

  get path(): string {
    return this.spec.path;
  }

  get size(): number {
    return this.rows.size;
  }

  all(): IterableIterator<MenuRow<D>> {
    return this.rows.values();
  }

  hasName(name: string): boolean {
    return this.byName.has(name);
  }

  /** By `.id` or, where the menu has a name field, by name. */
  find(idOrName: string): MenuRow<D> | undefined {
    return this.rows.get(idOrName) ?? this.byName.get(idOrName);
  }

  findOrTrap(idOrName: string): MenuRow<D> {
    const row = this.find(idOrName);
    if (!row) throw new RouterTrap('no such item', 0);
    return row;
  }

  render(row: MenuRow<D>): RosRecord {
    const out: RosRecord = this.spec.singleton ? {} : { '.id': row.id };
    for (const [name, spec] of Object.entries(this.spec.fields)) {
      const v = row.values[name] ?? spec.default;
      if (v !== undefined) out[name] = v;
    }
    if (this.spec.render) Object.assign(out, this.spec.render(row));
    return out;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Provisioning `add` from a client: validated and normalised. */
  add(attrs: RosRecord): string {
    const values = this.normalize(attrs, undefined);
    for (const [name, spec] of Object.entries(this.spec.fields)) {
      if (spec.required && values[name] === undefined) throw new RouterTrap(`missing value for argument ${name}`, 1);
    }
    const row = this.insert(values, (this.spec.initialData?.() ?? undefined) as D);
    this.spec.afterWrite?.(row, undefined);
    return row.id;
  }

  set(idOrName: string, attrs: RosRecord): void {
    const row = this.findOrTrap(idOrName);
    const values = this.normalize(attrs, row);
    const nameField = this.spec.nameField;
    if (nameField && values[nameField] !== undefined && values[nameField] !== row.values[nameField]) {
      this.byName.delete(row.values[nameField]!);
      this.byName.set(values[nameField]!, row);
    }
    const before = { ...row.values };
    Object.assign(row.values, values);
    this.emit('updated', row.id);
    this.spec.afterWrite?.(row, before);
  }

  remove(idOrName: string): void {
    const row = this.findOrTrap(idOrName);
    const nameField = this.spec.nameField;
    if (nameField && this.spec.builtIn?.includes(row.values[nameField] ?? '')) {
      throw new RouterTrap(`failure: cannot remove builtin ${row.values[nameField]}`, 4);
    }
    this.spec.onRemove?.(row);
    this.delete(row.id);
  }

  /** Model-internal insert (sessions, dynamic interfaces, seed data): no validation. */
  insert(values: RosRecord, data: D): MenuRow<D> {
    const row: MenuRow<D> = { id: formatId(this.nextId++), values, data };
    this.rows.set(row.id, row);
    const nameField = this.spec.nameField;
    if (nameField && values[nameField] !== undefined) this.byName.set(values[nameField]!, row);
    this.emit('added', row.id);
    return row;
  }

  /** Model-internal update of values (no validation), heard by listeners. */
  update(row: MenuRow<D>, values: RosRecord): void {
    Object.assign(row.values, values);
    this.emit('updated', row.id);
  }

  /** Model-internal delete without side effects. */
  delete(id: string): boolean {
    const row = this.rows.get(id);
    if (!row) return false;
    this.rows.delete(id);
    const nameField = this.spec.nameField;
    if (nameField && this.byName.get(row.values[nameField] ?? '') === row) this.byName.delete(row.values[nameField]!);
    this.emit('removed', id);
    return true;
  }

  /** After a reboot every item gets a new `.id` (order kept); listeners are not told. */
  renumber(skip: number): void {
    this.nextId += skip;
    const rows = [...this.rows.values()];
    this.rows.clear();
    for (const row of rows) {
      row.id = formatId(this.nextId++);
      this.rows.set(row.id, row);
    }
  }

  private normalize(attrs: RosRecord, existing: MenuRow<D> | undefined): RosRecord {
    const values: RosRecord = {};
    for (const [name, raw] of Object.entries(attrs)) {
      const spec = this.spec.fields[name];
      if (!spec) throw new RouterTrap(`unknown parameter ${name}`);
      values[name] = normalizeField(name, spec, raw, this.lookup);
    }
    const nameField = this.spec.nameField;
    const newName = nameField ? values[nameField] : undefined;
    if (newName !== undefined) {
      if (newName === '') throw new RouterTrap(`invalid value for argument ${nameField}`, 1);
      const other = this.byName.get(newName);
      if (other && other !== existing) throw new RouterTrap(this.spec.duplicateNameMessage ?? 'failure: already have such name', 4);
      if (existing && this.spec.builtIn?.includes(existing.values[nameField!] ?? '') && newName !== existing.values[nameField!]) {
        throw new RouterTrap('failure: cannot rename builtin item', 4);
      }
    }
    this.spec.validate?.({ ...(existing?.values ?? {}), ...values }, existing);
    return values;
  }

  private emit(kind: MenuChange['kind'], id: string): void {
    if (this.listeners.size === 0) return;
    const change: MenuChange = { kind, path: this.spec.path, id };
    for (const listener of this.listeners) listener(change);
  }
}
