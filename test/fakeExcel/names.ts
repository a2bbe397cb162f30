/**
 * workbook.names: defined names at workbook scope (sheet-scoped names are not modelled). A name
 * refers to a range (`names.add("SV_ContractValue", range)` stores "='SV Setup'!$B$2") or to a
 * formula (`names.add("SV_Rate", "=0.1")`). Names and table names share one namespace, as in
 * Excel, and both are case-insensitive. Formulas that use a name see changes to it at once.
 */
import { qualifiedAddress } from "./addresses";
import { ClientCollection, ClientObject, type FakeClientResult } from "./clientObject";
import { excelError } from "./errors";
import { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import type { NameModel, WorkbookModel } from "./workbookModel";

export class FakeNamedItemCollection extends ClientCollection<WorkbookModel, FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(context, "NamedItemCollection", () => context.session.model);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return undefined;
  }

  protected itemProxies(model: WorkbookModel): FakeNamedItem[] {
    return [...model.names.values()].map((name) => new FakeNamedItem(this.context, () => name));
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const range = typeof reference === "string" ? undefined : this.sameContext(reference);
    let created: NameModel | undefined;
    this.invoke("add", [name, typeof reference === "string" ? reference : "(range)", comment], (model) => {
      let formula = reference as string;
      if (range) {
        const target = range.find();
        if (!target) throw excelError("InvalidArgument", "the name refers to a null range");
        formula = `=${qualifiedAddress(target.sheet.name, target.rect, true)}`;
      }
      created = model.addName(name, formula, comment ?? "");
    });
    return new FakeNamedItem(this.context, () => created ?? null);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const found = this.host().names.get(name.toLowerCase());
      if (!found) throw excelError("ItemNotFound", `no name "${name}"`).at("NamedItemCollection.getItem");
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this.lookedUpAtSync(new FakeNamedItem(this.context, () => this.host().names.get(name.toLowerCase()) ?? null), "getItemOrNullObject", [name]);
  }

  getCount(): FakeClientResult<number> {
    return this.invokeForResult("getCount", [], (model) => model.names.size);
  }
}

export class FakeNamedItem extends ClientObject<NameModel> {
  constructor(context: FakeRequestContext, locate: () => NameModel | null) {
    super(context, "NamedItem", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected override isGone(name: NameModel): boolean {
    return this.model.names.get(name.name.toLowerCase()) !== name;
  }

  protected scalarNames(): readonly string[] {
    return ["name", "type", "value", "formula", "comment", "visible"];
  }

  protected snapshot(name: NameModel, property: string): unknown {
    if (property === "type" || property === "value") return this.model.describeName(name)[property];
    return name[property as "name" | "formula" | "comment" | "visible"];
  }

  get name(): string {
    return this.read("name");
  }
  /** "Range", or what the formula computes: "Double", "String", "Boolean", "Error", "Array". */
  get type(): string {
    return this.read("type");
  }
  /** For a range, its address ("'SV Setup'!$B$2"); otherwise the computed value. */
  get value(): unknown {
    return this.read("value");
  }

  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.assign("formula", formula, (name) => this.model.setNameFormula(name, formula));
  }

  get comment(): string {
    return this.read("comment");
  }
  set comment(comment: string) {
    this.assign("comment", comment, (name) => void (name.comment = comment));
  }

  get visible(): boolean {
    return this.read("visible");
  }
  set visible(visible: boolean) {
    this.assign("visible", visible, (name) => void (name.visible = visible));
  }

  /** "Throws an error if the named item's type isn't a range." */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.model.nameRange(this.host());
      if (!target) throw excelError("InvalidArgument", "the name does not refer to a range").at("NamedItem.getRange");
      return target;
    });
  }

  getRangeOrNullObject(): FakeRange {
    const proxy = new FakeRange(this.context, () => {
      const name = this.find();
      return name ? (this.model.nameRange(name) ?? null) : null;
    });
    return this.lookedUpAtSync(proxy, "getRangeOrNullObject", []);
  }

  delete(): void {
    this.invoke("delete", [], (name) => this.model.deleteName(name));
  }
}
