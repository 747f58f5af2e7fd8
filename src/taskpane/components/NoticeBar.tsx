/** The message of the last action, with its follow-up (Undo, Replace my formula) if it has one. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { Notice } from "../usePane";

// A message may quote a formula with no space in 200 characters (Inserted =KPI.SPC(…)): it
// wraps anywhere rather than run past the bar (CSS Text 3, overflow-wrap: anywhere).
const useStyles = makeStyles({ body: { overflowWrap: "anywhere", minWidth: 0 } });

export function NoticeBar({ notice }: { notice: Notice | null }) {
  const styles = useStyles();
  if (!notice) return null;
  // An error interrupts (alert); anything else is announced when the reader is idle (status).
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} layout={notice.text.length > 60 ? "multiline" : "auto"}>
      <MessageBarBody className={styles.body}>{notice.text}</MessageBarBody>
      {notice.action && (
        <MessageBarActions>
          <Button size="small" onClick={notice.action.run}>
            {notice.action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
