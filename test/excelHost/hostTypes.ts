/**
 * How the host describes the Excel objects it implements. A request names objects by paths
 * (the workbook → its `Worksheets` property → the item "SV Setup" → its method `GetRange("A1")`)
 * and acts on them (set `Values`, call `Clear`, query `values, address`). Each Office.js class
 * the host knows is one HostType: its scalar properties (read, and written when settable), its
 * navigation properties, its methods, and for a collection its items and indexer. Names are
 * Office.js's JavaScript names (`getRange`, `values`); the wire spells them in PascalCase and
 * the executor converts.
 *
 * Anything a request uses that no HostType lists is refused as unimplemented (executor.ts): the
 * host never pretends to do what it does not do.
 */
import type { HostStats } from "./stats";
import type { HostProfile } from "./profiles";
import type { WorkbookModel } from "./workbookModel";

/** What every member implementation can reach: the workbook, the profile, the counters. */
export interface Env {
  readonly model: WorkbookModel;
  readonly profile: HostProfile;
  readonly stats: HostStats;
}

export interface ScalarProperty<V> {
  get(value: V, env: Env): unknown;
  /** Absent for a read-only property. */
  set?(value: V, input: unknown, env: Env): void;
}

export interface HostType<V = unknown> {
  /** The Office.js class name: "Range", "TableCollection". */
  readonly name: string;
  readonly scalars?: Readonly<Record<string, ScalarProperty<V>>>;
  /** Navigation properties: `format`, `worksheet`, `columns`. */
  readonly navigation?: Readonly<Record<string, (value: V, env: Env) => HostObject>>;
  /**
   * Methods, called with the request's arguments (object arguments already resolved to
   * HostObjects, omitted ones null). A method that gives an object returns a HostObject; one
   * that gives a value (a ClientResult) returns it; others return undefined.
   */
  readonly methods?: Readonly<Record<string, (value: V, args: readonly unknown[], env: Env) => unknown>>;
  /** For a collection: its items, in order. */
  readonly items?: (value: V, env: Env) => HostObject[];
  /** For a collection: `collection.getItem(key)` as the client sends it (an indexer path). */
  readonly indexer?: (value: V, key: unknown, env: Env) => HostObject;
  /** The identity the client rebuilds an item's path from ("Id"), for objects that have one. */
  readonly identity?: (value: V) => Record<string, string | number>;
  /** Whether what a path found has since gone (a deleted sheet or table). */
  readonly gone?: (value: V, env: Env) => boolean;
  /** Whether the client may keep a reference to it across requests (`_KeepReference`): ranges. */
  readonly keepsReference?: boolean;
}

/**
 * One object the host found: its type, and what it stands for (null for a null object). What
 * it stands for differs by type (a sheet, a range, a table); the executor never looks inside,
 * so a HostObject of any type goes where `HostObject` is asked for.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export class HostObject<V = any> {
  constructor(
    readonly type: HostType<V>,
    readonly value: V | null
  ) {}

  get isNull(): boolean {
    return this.value === null;
  }
}

export const objectOf = <V>(type: HostType<V>, value: V | null): HostObject<V> => new HostObject(type, value);

/** The value of an argument that must be an object of the add-in's (`sheet.getRange(...)` passed to `tables.add`). */
export function objectArgument(arg: unknown): HostObject | undefined {
  return arg instanceof HostObject ? arg : undefined;
}

export const isCollection = (type: HostType<unknown>): boolean => type.items !== undefined;
