/**
 * One request, as Excel runs it. The client sends a JSON body: `ObjectPaths` (how to find each
 * object: the workbook, a property of another object, an item of a collection, the result of a
 * method, or a reference kept from an earlier request) and `Actions` in the order the add-in
 * queued them. The host answers `{ Results: [{ ActionId, Value }] }`, or `{ Error }`.
 *
 * What the host does with a request, and why:
 * - Over the request limit (5 MB in Excel on the web, measured on the JSON the client sent):
 *   RequestPayloadSizeLimitExceeded, nothing run. Over the response limit:
 *   ResponsePayloadSizeLimitExceeded; the commands have run, nothing loaded arrives.
 * - Actions run in order. A failing one stops the request: the actions before it stay applied
 *   (there is no rollback), the ones after it are not run, and nothing loaded is returned.
 *   OfficeExtension.Error's reference: "All other commands after the failed command in the
 *   batch are not executed." The error names the member (`Location`) and the action's index,
 *   from which the client prints the add-in's statement in `debugInfo`.
 * - A path is found when an action first uses it in the request (the client instantiates each
 *   path before use) and again in every later request, except a kept reference: ranges the
 *   client keeps (`_KeepReference`) stay the cells they were, the way Excel tracks a range.
 *   So `worksheets.getItem("X")` fails in the request that first uses it, with ItemNotFound,
 *   and a sheet renamed by a co-author between two requests is not found in the second.
 * - `…OrNullObject` paths that find nothing are null: their instantiation returns null, which
 *   the client turns into `isNullObject`. Using a null object in a command is ItemNotFound.
 * - Strict: a path, property, method or action type the host does not implement fails the
 *   request with NotImplemented naming the member, and is recorded so the test fails even if
 *   the add-in catches the error (index.ts). It never succeeds silently.
 */
import { missingSet } from "./apiSets";
import { HostError, NotModelled, excelError } from "./errors";
import { HostObject, isCollection, type Env, type HostType } from "./hostTypes";
import { utf8Bytes } from "./stats";
import { WORKBOOK } from "./types/workbook";

/** Wire names, as Office.js's RichApi protocol numbers them. */
const enum ObjectPathType {
  GlobalObject = 1,
  NewObject = 2,
  Method = 3,
  Property = 4,
  Indexer = 5,
  ReferenceId = 6,
  NullObject = 7,
}

const enum ActionType {
  Instantiate = 1,
  Query = 2,
  Method = 3,
  SetProperty = 4,
  Trace = 5,
}

interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: the path id when the argument is an object (the argument is then that id), 0 otherwise, or a nested list for an array. */
  ReferencedObjectPathIds?: unknown[];
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ExecutorEnv extends Env {
  readonly limits: { requestPayloadBytes: number; responsePayloadBytes: number };
  /** References the client keeps across requests: ranges it tracks. */
  readonly references: Map<string, HostObject>;
  /** Members a request used that the host does not implement ("Range.hyperlink"). */
  readonly unimplemented: string[];
  nextReference(): string;
  /** Receives a one-line description of each request (EXCEL_HOST_LOG=1 prints them). */
  log?: (line: string) => void;
  /** Called once a request has changed cell contents (the busy profile marks TENDER cells). */
  afterChange(): void;
}

/** A member the host does not implement: refused, and recorded so the test fails. */
class Unimplemented extends NotModelled {
  constructor(member: string) {
    super(member, `${member} is not implemented here`);
  }
}

const camel = (name: string): string => (name.startsWith("_") ? name : name.charAt(0).toLowerCase() + name.slice(1));
const pascal = (name: string): string => (name.startsWith("_") ? name : name.charAt(0).toUpperCase() + name.slice(1));

/** Runs one request body (JSON text) and returns the response body (JSON text). */
export function executeRequest(bodyText: string, env: ExecutorEnv): string {
  const { stats, limits } = env;
  const requestBytes = utf8Bytes(bodyText);
  stats.requests++;
  stats.requestBytes.push(requestBytes);
  stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
  if (requestBytes > limits.requestPayloadBytes) {
    return respond(env, errorBody(excelError("RequestPayloadSizeLimitExceeded", `this request is ${requestBytes} bytes; the limit is ${limits.requestPayloadBytes}`), -1));
  }
  const body = JSON.parse(bodyText) as RequestBody;
  if (env.log) env.log(describeRequest(body, requestBytes));
  const version = env.model.contentVersion;
  const outcome = new RequestRun(body, env).execute();
  if (env.model.contentVersion !== version) env.afterChange();
  // The trace actions that ran come back as TraceIds: the client turns them into the error's
  // traceMessages (OfficeExtension.Error), which name how far a failed request got.
  const traces = outcome.traceIds.length > 0 ? { TraceIds: outcome.traceIds } : {};
  if ("error" in outcome) return respond(env, errorBody(outcome.error, outcome.index, traces));
  const text = JSON.stringify({ Results: outcome.results, ...traces });
  const responseBytes = utf8Bytes(text);
  if (responseBytes > limits.responsePayloadBytes) {
    return respond(env, errorBody(excelError("ResponsePayloadSizeLimitExceeded", `this response is ${responseBytes} bytes; the limit is ${limits.responsePayloadBytes}`), -1), responseBytes);
  }
  return respond(env, text, responseBytes);
}

function respond(env: ExecutorEnv, text: string, measured?: number): string {
  const bytes = measured ?? utf8Bytes(text);
  env.stats.responseBytes.push(bytes);
  env.stats.maxResponseBytes = Math.max(env.stats.maxResponseBytes, bytes);
  return text;
}

function errorBody(error: HostError, index: number, traces: { TraceIds?: number[] } = {}): string {
  return JSON.stringify({
    Error: { Code: error.code, Message: error.message, Location: error.location ?? "", ActionIndex: index, HttpStatusCode: 400 },
    ...traces,
  });
}

/** The state of one request: the paths found so far, the references kept in it. */
class RequestRun {
  private readonly found = new Map<number, HostObject>();
  private readonly keptHere = new Map<number, string>();

  constructor(
    private readonly body: RequestBody,
    private readonly env: ExecutorEnv
  ) {}

  private readonly traceIds: number[] = [];

  execute(): ({ results: { ActionId: number; Value: unknown }[] } | { error: HostError; index: number }) & { traceIds: number[] } {
    const results: { ActionId: number; Value: unknown }[] = [];
    const actions = this.body.Actions ?? [];
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index] as ActionInfo;
      try {
        const value = this.act(action);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        if (e instanceof NotModelled) this.env.unimplemented.push(e.member);
        this.env.model.calculate();
        if (e instanceof HostError) return { error: e, index, traceIds: this.traceIds };
        throw e;
      } finally {
        this.env.model.refreshFormulas();
      }
    }
    this.env.model.calculate();
    return { results, traceIds: this.traceIds };
  }

  private act(action: ActionInfo): unknown {
    switch (action.ActionType) {
      case ActionType.Instantiate:
        return this.identity(action.ObjectPathId, this.path(action.ObjectPathId));
      case ActionType.Query:
        return this.query(action);
      case ActionType.Method:
        return this.method(action);
      case ActionType.SetProperty:
        return this.setProperty(action);
      case ActionType.Trace:
        // A trace that ran also answers with a result: Microsoft's client waits for it to run
        // what it hung on the marker (adding an event handler is one).
        this.traceIds.push(action.Id);
        return null;
      default:
        throw new Unimplemented(`action type ${action.ActionType}`);
    }
  }

  /** What an instantiation returns: null for a null object; the object's id, and a reference if one is kept. */
  private identity(pathId: number, object: HostObject): unknown {
    if (object.isNull) return null;
    const out: Record<string, unknown> = { ...(object.type.identity?.(object.value) ?? {}) };
    const reference = this.keptHere.get(pathId);
    if (reference) out._ReferenceId = reference;
    return out;
  }

  private path(id: number): HostObject {
    const known = this.found.get(id);
    if (known) return known;
    const info = this.body.ObjectPaths?.[String(id)];
    if (!info) throw new Unimplemented(`object path ${id} (the request does not describe it)`);
    const object = this.resolve(info);
    if (!object.isNull && object.type.gone?.(object.value, this.env)) {
      throw excelError("ItemNotFound", `the ${object.type.name} has been deleted`).at(object.type.name);
    }
    this.found.set(id, object);
    return object;
  }

  private parentOf(info: ObjectPathInfo): HostObject {
    if (info.ParentObjectPathId === undefined) throw new Unimplemented(`object path ${info.Id} without a parent`);
    return this.path(info.ParentObjectPathId);
  }

  private resolve(info: ObjectPathInfo): HostObject {
    switch (info.ObjectPathType) {
      case ObjectPathType.GlobalObject:
        return new HostObject(WORKBOOK, this.env.model);
      case ObjectPathType.ReferenceId: {
        const kept = this.env.references.get(info.Name);
        if (!kept) throw excelError("InvalidReference", `no kept reference ${info.Name}`).at("ReferenceId");
        return kept;
      }
      // The client marks a path it has learnt is null; anything reached through it is null too.
      case ObjectPathType.NullObject:
        return NULL_OBJECT;
      case ObjectPathType.Property:
      case ObjectPathType.Indexer:
      case ObjectPathType.Method: {
        const parent = this.parentOf(info);
        // The child of a null object is null too (`getItemOrNullObject("X").getRange()`).
        if (parent.isNull) return NULL_OBJECT;
        return this.child(parent, info);
      }
      default:
        throw new Unimplemented(`object path type ${info.ObjectPathType}`);
    }
  }

  private child(parent: HostObject, info: ObjectPathInfo): HostObject {
    const { type, value } = parent;
    const args = this.argumentsOf(info.ArgumentInfo);
    if (info.ObjectPathType === ObjectPathType.Property) {
      const name = camel(info.Name);
      const nav = type.navigation?.[name];
      if (!nav) throw new Unimplemented(`${type.name}.${name}`);
      this.checkApiSet(type, name);
      return at(() => nav(value, this.env), `${type.name}.${name}`);
    }
    const name = info.ObjectPathType === ObjectPathType.Indexer ? "getItem" : camel(info.Name);
    const method = type.methods?.[name];
    // A collection's getItem travels as an indexer or, for some classes, as a GetItem method.
    if (!method && name === "getItem" && type.indexer) {
      const indexer = type.indexer;
      this.checkApiSet(type, name);
      return at(() => indexer(value, args[0], this.env), `${type.name}.getItem`);
    }
    if (!method && name === "getItemAt" && type.items) return this.itemAt(parent, args[0]);
    if (!method) throw new Unimplemented(`${type.name}.${name}`);
    this.checkApiSet(type, name);
    const result = at(() => method(value, args, this.env), `${type.name}.${name}`);
    if (!(result instanceof HostObject)) throw new Unimplemented(`${type.name}.${name} as an object`);
    return result;
  }

  private itemAt(parent: HostObject, index: unknown): HostObject {
    const items = parent.type.items?.(parent.value, this.env) ?? [];
    const item = typeof index === "number" ? items[index] : undefined;
    if (!item) throw excelError("ItemNotFound", `${parent.type.name} has no item ${String(index)}`).at(`${parent.type.name}.getItemAt`);
    return item;
  }

  /**
   * Arguments as the host's members take them, with objects resolved. The client sends an
   * object argument as its path id, marked in ReferencedObjectPathIds; an object inside a plain
   * value (a validation rule's list source) as `{ _ObjectPathId }`.
   */
  private argumentsOf(info: ArgumentInfo | undefined): unknown[] {
    return this.resolveArguments(info?.Arguments ?? [], info?.ReferencedObjectPathIds);
  }

  private resolveArguments(args: readonly unknown[], referenced: readonly unknown[] | undefined): unknown[] {
    return args.map((arg, i) => {
      const ref = referenced?.[i];
      if (typeof ref === "number" && ref !== 0) return this.path(ref);
      if (Array.isArray(ref) && Array.isArray(arg)) return this.resolveArguments(arg, ref);
      return this.argument(arg);
    });
  }

  private argument(arg: unknown): unknown {
    if (Array.isArray(arg) || arg === null || typeof arg !== "object") return arg;
    const record = arg as Record<string, unknown>;
    if (typeof record._ObjectPathId === "number" && Object.keys(record).length === 1) return this.path(record._ObjectPathId);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, this.argument(v)]));
  }

  private target(action: ActionInfo, what: string): HostObject {
    const object = this.path(action.ObjectPathId);
    if (object.isNull) throw excelError("ItemNotFound", `${what} on a null object`).at(`${object.type.name}.${camel(action.Name) || "load"}`);
    return object;
  }

  private method(action: ActionInfo): unknown {
    const name = camel(action.Name);
    if (name === "_KeepReference") return this.keepReference(action);
    if (name === "_RemoveReference") {
      const [reference] = this.argumentsOf(action.ArgumentInfo);
      this.env.references.delete(String(reference));
      return null;
    }
    const object = this.target(action, name);
    const method = object.type.methods?.[name];
    if (!method) throw new Unimplemented(`${object.type.name}.${name}`);
    this.checkApiSet(object.type, name);
    const result = at(() => method(object.value, this.argumentsOf(action.ArgumentInfo), this.env), `${object.type.name}.${name}`);
    if (result instanceof HostObject) return this.identity(action.ObjectPathId, result);
    return result === undefined ? null : result;
  }

  private keepReference(action: ActionInfo): null {
    const object = this.path(action.ObjectPathId);
    if (object.isNull) return null;
    if (!object.type.keepsReference) throw new Unimplemented(`${object.type.name}._KeepReference`);
    const reference = this.env.nextReference();
    this.env.references.set(reference, object);
    this.keptHere.set(action.ObjectPathId, reference);
    return null;
  }

  private setProperty(action: ActionInfo): null {
    const name = camel(action.Name);
    const object = this.target(action, `setting ${name}`);
    const property = object.type.scalars?.[name];
    if (!property?.set) throw new Unimplemented(`${object.type.name}.${name} (set)`);
    this.checkApiSet(object.type, name);
    const [value] = this.argumentsOf(action.ArgumentInfo);
    at(() => property.set?.(object.value, value, this.env), `${object.type.name}.${name}`);
    return null;
  }

  private query(action: ActionInfo): unknown {
    const object = this.path(action.ObjectPathId);
    const info = action.QueryInfo ?? {};
    if (info.Top !== undefined || info.Skip !== undefined) throw new Unimplemented(`${object.type.name}.load with top or skip`);
    if (object.isNull) return null;
    return this.snapshot(object, planOf(info.Select, info.Expand));
  }

  /** The values a load asks for, keyed as the client reads them (PascalCase, `_Items` for a collection's items). */
  private snapshot(object: HostObject, plan: LoadPlan): unknown {
    if (object.isNull) return null;
    const { type, value } = object;
    const out: Record<string, unknown> = { ...(type.identity?.(value) ?? {}) };
    const itemPlan = isCollection(type) ? (plan.children.get("items") ?? emptyPlan(plan.all)) : undefined;
    const scalarNames = plan.all ? Object.keys(type.scalars ?? {}) : [];
    for (const name of plan.props) {
      if (type.scalars?.[name]) scalarNames.push(name);
      else if (type.navigation?.[name]) plan.children.set(name, plan.children.get(name) ?? emptyPlan(true));
      else if (itemPlan && name === "items") itemPlan.all = true;
      else if (itemPlan) itemPlan.props.add(name);
      else throw excelError("InvalidArgument", `${type.name} has no property "${name}" to load`).at(`${type.name}.${name}`);
    }
    for (const name of new Set(scalarNames)) {
      this.checkApiSet(type, name);
      out[pascal(name)] = at(() => (type.scalars?.[name] as { get: (v: unknown, e: Env) => unknown }).get(value, this.env), `${type.name}.${name}`);
    }
    for (const [name, sub] of plan.children) {
      if (itemPlan && name === "items") continue;
      const nav = type.navigation?.[name];
      if (nav) {
        this.checkApiSet(type, name);
        out[pascal(name)] = this.snapshot(nav(value, this.env), sub);
      } else if (itemPlan) itemPlan.children.set(name, sub);
      else throw excelError("InvalidArgument", `${type.name} has no navigation property "${name}" to load`).at(`${type.name}.${name}`);
    }
    if (itemPlan) {
      const wantsItems = plan.all || itemPlan.all || itemPlan.props.size > 0 || itemPlan.children.size > 0;
      if (wantsItems) out._Items = (type.items?.(value, this.env) ?? []).map((item) => this.snapshot(item, clonePlan(itemPlan)));
    }
    return out;
  }

  private checkApiSet(type: HostType<unknown>, member: string): void {
    this.env.stats.membersUsed.add(`${type.name}.${member}`);
    const declared = this.env.profile.requirementSets;
    if (!declared) return;
    const missing = missingSet(type.name, member, declared);
    if (missing) throw excelError("ApiNotFound", `${type.name}.${member} needs ${missing.set} ${missing.version}; the add-in declares ${missing.set} ${declared[missing.set] ?? "1.1"}`).at(`${type.name}.${member}`);
  }
}

/** A null object: what an `…OrNullObject` path found when there was nothing, and anything reached through it. */
const NULL_TYPE: HostType<unknown> = { name: "null object" };
const NULL_OBJECT = new HostObject(NULL_TYPE, null);

/** Runs `fn`, naming `location` on any host error it throws that has no location yet. */
function at<T>(fn: T | (() => T), location: string): T {
  try {
    return typeof fn === "function" ? (fn as () => T)() : fn;
  } catch (e) {
    if (e instanceof HostError) e.at(location);
    throw e;
  }
}

interface LoadPlan {
  all: boolean;
  props: Set<string>;
  children: Map<string, LoadPlan>;
}

const emptyPlan = (all = false): LoadPlan => ({ all, props: new Set(), children: new Map() });

function clonePlan(plan: LoadPlan): LoadPlan {
  return { all: plan.all, props: new Set(plan.props), children: new Map([...plan.children].map(([k, v]) => [k, clonePlan(v)])) };
}

/**
 * A load as the client sends it: `Select` paths ("values", "format/fill/color") and `Expand`
 * navigation paths (all their scalars). No Select and no Expand loads every scalar, as
 * `load()` does in Office.js.
 */
function planOf(select: string[] | undefined, expand: string[] | undefined): LoadPlan {
  const plan = emptyPlan(!select);
  const nodeAt = (parts: string[]): LoadPlan => {
    let node = plan;
    for (const part of parts) {
      const next = node.children.get(part) ?? emptyPlan();
      node.children.set(part, next);
      node = next;
    }
    return node;
  };
  for (const path of select ?? []) {
    const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
    const last = parts.pop();
    if (last) nodeAt(parts).props.add(last);
  }
  for (const path of expand ?? []) {
    const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
    nodeAt(parts).all = true;
  }
  return plan;
}

/** "#3 1,234 B: Worksheets[], GetRange(), Values=, Query(values)…": what a request does, for debugging a test. */
function describeRequest(body: RequestBody, bytes: number): string {
  const names = (body.Actions ?? [])
    .filter((a) => a.ActionType !== ActionType.Instantiate)
    .map((a) => {
      const path = body.ObjectPaths?.[String(a.ObjectPathId)];
      const on = path ? (path.ObjectPathType === ObjectPathType.Indexer ? "[]" : path.Name) : "";
      if (a.ActionType === ActionType.Query) return `${on}.load(${(a.QueryInfo?.Select ?? ["*"]).join(",")})`;
      if (a.ActionType === ActionType.SetProperty) return `${on}.${a.Name}=`;
      return `${on}.${a.Name}()`;
    });
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return `${bytes} B, ${names.length} actions: ${[...counts].map(([n, c]) => (c > 1 ? `${n}×${c}` : n)).join(" ")}`;
}
