/** A drop-down of KPIs by name, each option's value its id: the form's Predicts and Guarded by, the formula's KPI. */
import { Select } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";

export interface KpiSelectProps {
  id?: string;
  className: string;
  kpis: readonly KpiDefinition[];
  value: string;
  /** The label of the first option, for no KPI (value ""); none where a KPI must be chosen. */
  none?: string;
  onChange(id: string): void;
}

export function KpiSelect({ id, className, kpis, value, none, onChange }: KpiSelectProps) {
  return (
    <Select id={id} className={className} value={value} onChange={(_, d) => onChange(d.value)}>
      {none !== undefined && <option value="">{none}</option>}
      {kpis.map((k) => (
        <option key={k.id} value={k.id}>
          {k.name}
        </option>
      ))}
    </Select>
  );
}
