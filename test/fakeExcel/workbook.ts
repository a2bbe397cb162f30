/**
 * context.workbook and context.application.
 *
 * Calculation: the formula engine recalculates on every change, so a read always sees current
 * results. `suspendApiCalculationUntilNextSync()` is accepted and counted (stats), and
 * `calculationMode` is stored and read back, but neither delays recalculation in the fake:
 * code that depends on stale values under manual calculation cannot be tested here.
 */
import { ClientObject } from "./clientObject";
import { excelError } from "./errors";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import { FakeTableCollection } from "./table";
import type { WorkbookModel } from "./workbookModel";
import { FakeWorksheetCollection } from "./worksheet";

export class FakeWorkbook extends ClientObject<WorkbookModel> {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context, "Workbook", () => context.session.model);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => ({}));
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return undefined;
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    const children: Record<string, ClientObject<unknown>> = { worksheets: this.worksheets, tables: this.tables, names: this.names, application: this.application };
    return children[name];
  }

  /** The selection as it is when the request runs (Range.select() changes it). */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.host().selection;
      return { sheet, rect };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.host().selection;
      return { sheet, rect: { row: rect.row, col: rect.col, rows: 1, cols: 1 } };
    });
  }
}

const CALCULATION_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];

export class FakeApplication extends ClientObject<WorkbookModel> {
  constructor(context: FakeRequestContext) {
    super(context, "Application", () => context.session.model);
  }

  protected scalarNames(): readonly string[] {
    return ["calculationMode"];
  }

  protected snapshot(model: WorkbookModel): unknown {
    return model.calculationMode;
  }

  get calculationMode(): string {
    return this.read("calculationMode");
  }
  set calculationMode(mode: string) {
    this.assign("calculationMode", mode, (model) => {
      if (!CALCULATION_MODES.includes(mode)) throw excelError("InvalidArgument", `"${mode}" is not a calculation mode`);
      model.calculationMode = mode as WorkbookModel["calculationMode"];
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.session.stats.calculationSuspensions++;
    this.invoke("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  calculate(calculationType: string): void {
    this.invoke("calculate", [calculationType], () => undefined);
  }
}
