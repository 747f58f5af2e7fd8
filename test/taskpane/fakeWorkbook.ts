/**
 * A KpiWorkbook for the pane's unit tests: it holds a register and each KPI's values, records
 * every call the pane makes, and can be told to refuse the next one.
 */
import { kpiDefinition } from "../support/kpiDefinition";
import { Action, Firing } from "../../src/core/model/actions";
import { KpiDefinition } from "../../src/core/model/kpi";
import { KpiInput, KpiSeries, KpiWorkbook, PeriodCloseResult, RegisterState, Selection, UntagReceipt } from "../../src/workbook/kpiWorkbook";
import { emptyRegisterState } from "../../src/workbook/registerReadTypes";

export const KPI: KpiDefinition = kpiDefinition({ source: "Data!$B$2:$B$4", lastReviewed: "" });

export function registerOf(kpis: KpiDefinition[], extra: Partial<RegisterState> = {}): RegisterState {
  return { ...emptyRegisterState(true), kpis, ...extra };
}

export class FakeWorkbook implements KpiWorkbook {
  calls: [string, ...unknown[]][] = [];
  register: RegisterState;
  series: KpiSeries[];
  selection: Selection = {
    address: "Data!B2:B4",
    usedAddress: "Data!B2:B4",
    dataAddress: "Data!B2:B4",
    header: null,
    rowCount: 3,
    columnCount: 1,
    tableColumn: null,
    numbers: 3,
  };
  /** The next write throws this. */
  refuse: unknown = null;
  opened: Action[] = [];

  constructor(kpis: KpiDefinition[] = [KPI], values: Record<string, (number | null)[]> = { REV: [120, 110, 105] }) {
    this.register = registerOf(kpis);
    this.series = kpis.map((k) => ({ id: k.id, address: k.source, values: values[k.id] ?? [], targets: null, newPeriods: 0, problem: null }));
  }

  /** Records a write, then refuses it if told to. */
  private async write<T>(name: string, args: unknown[], result: T): Promise<T> {
    this.calls.push([name, ...args]);
    const refusal = this.refuse;
    this.refuse = null;
    if (refusal) throw refusal;
    return result;
  }

  writes(): string[] {
    return this.calls.map(([name]) => name).filter((n) => !["refresh", "readSelection", "readTargetValues", "setAuthor"].includes(n));
  }

  async readRegister() {
    return this.register;
  }
  async refresh() {
    this.calls.push(["refresh"]);
    return { register: this.register, series: this.series };
  }
  async readSelection() {
    this.calls.push(["readSelection"]);
    return this.selection;
  }
  /** Each typed target range's numbers, by the address as typed. */
  targetValues: Record<string, (number | null)[]> = {};
  async readTargetValues(address: string, valuesSheet: string | null) {
    this.calls.push(["readTargetValues", address, valuesSheet]);
    return this.targetValues[address] ?? null;
  }
  tag(input: KpiInput, address: string, id?: string, reviewedOn?: string) {
    return this.write("tag", [input, address, id, reviewedOn], { ...KPI, ...input, id: "NEW", source: "Data!$B$3:$B$4" } as KpiDefinition);
  }
  update(id: string, input: KpiInput, options?: object) {
    return this.write("update", [id, input, options], { ...KPI, ...input, id });
  }
  untag(id: string) {
    return this.write("untag", [id], { kpi: KPI, rowIndex: 0 } as unknown as UntagReceipt);
  }
  undoUntag(receipt: UntagReceipt) {
    return this.write("undoUntag", [receipt], undefined);
  }
  markReviewed(id: string, isoDate: string, options?: object) {
    return this.write("markReviewed", [id, isoDate, options], undefined);
  }
  extend(id: string) {
    return this.write("extend", [id], undefined);
  }
  removeOrphan(id: string) {
    return this.write("removeOrphan", [id], undefined);
  }
  recoverOrphan(id: string) {
    return this.write("recoverOrphan", [id], KPI);
  }
  select(id: string) {
    return this.write("select", [id], undefined);
  }
  insertFormula(address: string, formula: string, size?: object) {
    return this.write("insertFormula", [address, formula, size], undefined);
  }
  async onChange() {
    return () => undefined;
  }
  async onSelectionChange() {
    return () => undefined;
  }
  setAuthor(name: string) {
    this.calls.push(["setAuthor", name]);
  }
  async history() {
    return [];
  }
  addCheckIn(id: string, checkIn: object) {
    return this.write("addCheckIn", [id, checkIn], { kpi: id, ...checkIn } as never);
  }
  openActions(firings: readonly Firing[], today: string) {
    return this.write("openActions", [firings, today], this.opened);
  }
  buildScorecard(options: { view?: "restated" | "reported" } = {}) {
    return this.write("buildScorecard", [options], {
      sheet: "Scorecard",
      rows: 1,
      charts: 1,
      rebuilt: false,
      view: options.view ?? "restated",
      leftOut: [] as string[],
    });
  }
  closePeriod(period: string, options?: object) {
    return this.write("closePeriod", [period, options], {} as PeriodCloseResult);
  }
  reopenPeriod(period: string, reason: string) {
    return this.write("reopenPeriod", [period, reason], []);
  }
  setActionStatus(action: object, status: string, note: string, today: string) {
    return this.write("setActionStatus", [action, status, note, today], undefined);
  }
}
