/** The top of the pane: its title and Refresh, what is running, the last top-level message and what is wrong with the register. */
import { Button, Spinner, Title3, makeStyles } from "@fluentui/react-components";
import { RegisterState } from "../../workbook/kpiWorkbook";
import { Notice } from "../usePane";
import { NoticeBar } from "./NoticeBar";
import { RegisterNotices } from "./RegisterNotices";

const useStyles = makeStyles({
  header: { display: "flex", justifyContent: "space-between", alignItems: "center" },
});

export interface PaneHeaderProps {
  /** What is running, for the progress indicator; null when idle. */
  busy: string | null;
  notice: Notice | null;
  register: RegisterState | null;
  onRefresh(): void;
}

export function PaneHeader({ busy, notice, register, onRefresh }: PaneHeaderProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.header}>
        <Title3 as="h1">KPI Lens</Title3>
        <Button appearance="subtle" disabled={busy !== null} onClick={onRefresh}>
          Refresh
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      <NoticeBar notice={notice} />
      <RegisterNotices register={register} />
    </>
  );
}
