/** What the pane says about the register itself: why it cannot be written, tables it cannot use, rows it cannot read. */
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { RegisterState } from "../../workbook/kpiWorkbook";

export function RegisterNotices({ register }: { register: RegisterState | null }) {
  if (!register) return null;
  return (
    <>
      {register.readOnly && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{register.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {register.tableProblems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{register.tableProblems.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {register.problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <Text>Register rows KPI Lens cannot use (left as they are):</Text>
            <ul aria-label="Register problems">
              {register.problems.map((p) => (
                <li key={`${p.row}-${p.message}`}>{p.row > 0 ? `Row ${p.row}${p.id ? ` (${p.id})` : ""} ${p.message}.` : p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
