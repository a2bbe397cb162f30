/**
 * Proxy objects, as Office.js has them. A proxy is a handle on something in the workbook:
 * - Writing a property or calling a method queues a command; nothing happens until
 *   `context.sync()`. (As in Office.js, a property just written reads back the written value
 *   at once: the proxy keeps it. It is not the computed value; load that.)
 * - Reading a scalar property needs `load(...)` and then `sync()`; before that the read throws
 *   PropertyNotLoaded. A load is a snapshot taken at its place in the queue.
 * - The thing a proxy stands for is found when a command first uses it in a request
 *   (`getItem("X")` fails then, with ItemNotFound) and remembered afterwards, as Office.js
 *   remembers an object's path. An `...OrNullObject` proxy is always looked up at the next sync,
 *   and `isNullObject` tells after it whether it was found. A null object's properties read as
 *   undefined; a command that uses a null object (writing to it, or a method) fails with
 *   ItemNotFound.
 */
import { FakeOfficeError, excelError, propertyNotLoaded } from "./errors";
import type { FakeRequestContext } from "./requestContext";

/** What a command hands back to the add-in: counted in the response, applied only if the whole request succeeds. */
export interface Execution {
  deliver(value: unknown, apply: () => void): void;
}

export interface Command {
  /** "Range.values", "WorksheetCollection.getItem": Office.js's debugInfo.errorLocation. */
  location: string;
  /** What travels in the request for this command (estimated in bytes for the payload limit). */
  args: unknown;
  run(execution: Execution): void;
}

/** The forms `load` takes: "a, b/c", ["a", "b/c"], { select: "a", expand: "b" }, { a: true, b: { c: true } }. */
export type LoadSpec = string | string[] | Record<string, unknown> | undefined;

export interface LoadPlan {
  all: boolean;
  props: Set<string>;
  children: Map<string, LoadPlan>;
}

export const emptyPlan = (all = false): LoadPlan => ({ all, props: new Set(), children: new Map() });

export function parseLoad(spec: LoadSpec): LoadPlan {
  const plan = emptyPlan(spec === undefined);
  const addPath = (path: string, into: LoadPlan): void => {
    const parts = path.split("/").map((p) => p.trim());
    let node = into;
    for (const part of parts.slice(0, -1)) {
      const next = node.children.get(part) ?? emptyPlan();
      node.children.set(part, next);
      node = next;
    }
    const last = parts[parts.length - 1];
    if (last) node.props.add(last);
  };
  const addList = (list: string, into: LoadPlan): void => list.split(",").map((p) => p.trim()).filter(Boolean).forEach((p) => addPath(p, into));
  const addObject = (obj: Record<string, unknown>, into: LoadPlan): void => {
    for (const [key, value] of Object.entries(obj)) {
      if (key === "$all" && value === true) into.all = true;
      else if (value === true) into.props.add(key);
      else if (value && typeof value === "object") {
        const child = into.children.get(key) ?? emptyPlan();
        addObject(value as Record<string, unknown>, child);
        into.children.set(key, child);
      }
    }
  };
  if (typeof spec === "string") addList(spec, plan);
  else if (Array.isArray(spec)) spec.forEach((s) => addList(s, plan));
  else if (spec && ("select" in spec || "expand" in spec)) {
    if (typeof spec.select === "string") addList(spec.select, plan);
    if (typeof spec.expand === "string") {
      for (const path of spec.expand.split(",").map((e) => e.trim()).filter(Boolean)) {
        let node = plan;
        for (const part of path.split("/")) {
          const next = node.children.get(part) ?? emptyPlan();
          node.children.set(part, next);
          node = next;
        }
        node.all = true;
      }
    }
    if (spec.select === undefined) plan.all = true;
  } else if (spec) addObject(spec, plan);
  return plan;
}

/** Paths a plan names, for the request payload estimate. */
function planPaths(plan: LoadPlan, prefix = ""): string[] {
  const own = plan.all ? [`${prefix}*`] : [...plan.props].map((p) => prefix + p);
  return [...own, ...[...plan.children].flatMap(([name, child]) => planPaths(child, `${prefix}${name}/`))];
}

/** Anything the workbook can delete carries this flag; a proxy on a deleted thing fails with ItemNotFound. */
interface Deletable {
  deleted?: boolean;
}

export abstract class ClientObject<H> {
  private found: { host: H | null } | undefined;
  private knownNull: boolean | undefined;
  /** Loaded values and values the add-in has set, by property name. */
  protected readonly state = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    protected readonly typeName: string,
    private readonly locate: () => H | null
  ) {}

  /** Scalar properties `load` can fetch. */
  protected abstract scalarNames(): readonly string[];
  /** One scalar property's value now, a fresh copy. */
  protected abstract snapshot(host: H, property: string): unknown;
  /** Navigation properties (`format`, `protection`…) that `load("format/fill/color")` walks through. */
  protected child(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }
  /** Whether what the proxy stands for has since been deleted (a sheet, a table, a range on a deleted sheet). */
  protected isGone(host: H): boolean {
    const deletable = host as Deletable & { sheet?: Deletable };
    return deletable.deleted === true || deletable.sheet?.deleted === true;
  }

  get isNullObject(): boolean {
    if (this.knownNull === undefined) throw propertyNotLoaded("isNullObject");
    return this.knownNull;
  }

  /** Finds (once) what this proxy stands for; null for a null object. Runs inside a request only. */
  find(): H | null {
    if (!this.found) this.found = { host: this.locate() };
    this.context.noteFound(this);
    const host = this.found.host;
    if (host !== null && this.isGone(host)) throw excelError("ItemNotFound", `the ${this.typeName} has been deleted`);
    return host;
  }

  /** The request that used this proxy succeeded: isNullObject can now be read. */
  settle(): void {
    this.knownNull = this.found?.host === null;
  }

  protected host(): H {
    const host = this.find();
    if (host === null) throw excelError("ItemNotFound", `the ${this.typeName} is a null object`);
    return host;
  }

  protected read<T>(property: string): T {
    // Office.js passes the null flag to its not-loaded check: a null object's properties read as undefined.
    if (!this.state.has(property) && this.knownNull !== true) throw propertyNotLoaded(property);
    return this.state.get(property) as T;
  }

  /** A property write: kept on the proxy at once (as Office.js does), applied to the workbook at sync. */
  protected assign(property: string, value: unknown, apply: (host: H) => void): void {
    this.state.set(property, value);
    this.context.enqueue({ location: `${this.typeName}.${property}`, args: value, run: () => apply(this.host()) });
  }

  /** A method call, applied at sync. */
  protected invoke(method: string, args: unknown[], apply: (host: H) => void): void {
    this.context.enqueue({ location: `${this.typeName}.${method}`, args, run: () => apply(this.host()) });
  }

  /** A method whose result comes back at sync, as an OfficeExtension.ClientResult. */
  protected invokeForResult<T>(method: string, args: unknown[], compute: (host: H) => T): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    this.context.enqueue({
      location: `${this.typeName}.${method}`,
      args,
      run: (execution) => {
        const value = compute(this.host());
        execution.deliver(value, () => result.settle(value));
      },
    });
    return result;
  }

  /** An `...OrNullObject` proxy: looked up at the next sync even if nothing uses it, so `isNullObject` can be read after. */
  protected lookedUpAtSync<P extends ClientObject<unknown>>(proxy: P, method: string, args: unknown[]): P {
    this.context.enqueue({ location: `${this.typeName}.${method}`, args, run: () => void proxy.find() });
    return proxy;
  }

  /** Office.js refuses, at the call, an object from another request context as an argument. */
  protected sameContext<T extends ClientObject<unknown>>(other: T): T {
    if (other.context !== this.context) throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts.");
    return other;
  }

  load(spec?: LoadSpec): this {
    const plan = parseLoad(spec);
    this.context.enqueue({ location: `${this.typeName}.load`, args: planPaths(plan), run: (execution) => this.loadNow(plan, execution) });
    return this;
  }

  /** Takes the snapshot a load asks for, at this point of the request. */
  loadNow(plan: LoadPlan, execution: Execution): void {
    const host = this.find();
    if (host === null) return; // a null object loads nothing; isNullObject tells why
    const scalars = this.scalarNames();
    const names = plan.all ? [...scalars] : [];
    for (const name of plan.props) {
      if (scalars.includes(name)) names.push(name);
      else {
        const nav = this.child(name);
        if (!nav) throw excelError("InvalidArgument", `${this.typeName} has no property '${name}' to load`);
        nav.loadNow(emptyPlan(true), execution);
      }
    }
    for (const [name, sub] of plan.children) {
      const nav = this.child(name);
      if (!nav) throw excelError("InvalidArgument", `${this.typeName} has no navigation property '${name}'`);
      nav.loadNow(sub, execution);
    }
    const values = names.map((name) => [name, this.snapshot(host, name)] as const);
    execution.deliver(Object.fromEntries(values), () => values.forEach(([name, value]) => this.state.set(name, value)));
  }

  /** Sets several properties at once; nested objects go to navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const nav = this.child(key);
      if (nav && value && typeof value === "object" && !Array.isArray(value)) nav.set(value as Record<string, unknown>);
      else if (!Reflect.set(this, key, value)) throw excelError("InvalidArgument", `${this.typeName}.${key} cannot be set`);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.state);
  }
}

/** A collection proxy: `items` after a load, item properties loaded through it ("items/name" or just "name"). */
export abstract class ClientCollection<H, Item extends ClientObject<unknown>> extends ClientObject<H> {
  protected abstract itemProxies(host: H): Item[];

  get items(): Item[] {
    return this.read<Item[]>("items");
  }

  override loadNow(plan: LoadPlan, execution: Execution): void {
    const host = this.find();
    if (host === null) return;
    const own = this.scalarNames();
    const ownNames: string[] = [];
    const itemPlan = plan.children.get("items") ?? emptyPlan(plan.all);
    for (const name of plan.props) {
      if (own.includes(name)) ownNames.push(name);
      else if (name === "items") itemPlan.all = true;
      else itemPlan.props.add(name);
    }
    for (const [name, sub] of plan.children) if (name !== "items") itemPlan.children.set(name, sub);
    const wantsItems = plan.all || itemPlan.all || itemPlan.props.size > 0 || itemPlan.children.size > 0;
    const values = ownNames.map((name) => [name, this.snapshot(host, name)] as const);
    execution.deliver(Object.fromEntries(values), () => values.forEach(([name, value]) => this.state.set(name, value)));
    if (!wantsItems) return;
    const items = this.itemProxies(host);
    for (const item of items) item.loadNow(itemPlan, execution);
    execution.deliver(null, () => this.state.set("items", items));
  }

  override toJSON(): Record<string, unknown> {
    const items = this.state.get("items") as Item[] | undefined;
    return items ? { items: items.map((i) => i.toJSON()) } : {};
  }
}

/** OfficeExtension.ClientResult: `value` is readable after the sync that computed it. */
export class FakeClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) {
      throw new FakeOfficeError("ValueNotLoaded", "Value was not loaded. Before reading the value property, call context.sync() on the associated request context.");
    }
    return this.result as T;
  }

  settle(value: T): void {
    this.loaded = true;
    this.result = value;
  }
}
