/** The message of the last action, with its follow-up (Undo, Replace my formula) if it has one. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Notice } from "../usePane";

export function NoticeBar({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  // An error interrupts (alert); anything else is announced when the reader is idle (status).
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{notice.text}</MessageBarBody>
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
