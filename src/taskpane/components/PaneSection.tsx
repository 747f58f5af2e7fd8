/**
 * One section of the pane: a heading that names the section for assistive technology
 * (aria-labelledby), the message of the last action taken in it, and its body. The message
 * shows where the action was taken, not at the top of a long pane.
 */
import { Divider, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ReactNode } from "react";
import { Notice } from "../usePane";
import { NoticeBar } from "./NoticeBar";

const useStyles = makeStyles({
  // A section off screen is not laid out or painted (content-visibility, CSS Containment 2), as a KPI's card
  // is not (kpiCardStyles.ts); it stays in the accessibility tree and the page's find. On 300 KPIs the
  // sections below the first screen are thousands of elements that every frame laid out again.
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, contentVisibility: "auto", containIntrinsicSize: "auto 400px" },
});

export interface PaneSectionProps {
  /** Names the heading `<id>-heading`, which other parts of the pane scroll to. */
  id: string;
  title: string;
  /** The message to show in this section, or null. */
  notice?: Notice | null;
  /** Whether the message follows the body (beside a form's or a button's result) rather than the heading. */
  noticeAfter?: boolean;
  /** Whether a divider separates the section from the one above. */
  divided?: boolean;
  children?: ReactNode;
}

export function PaneSection({ id, title, notice = null, noticeAfter = false, divided = false, children }: PaneSectionProps) {
  const styles = useStyles();
  const bar = <NoticeBar notice={notice} />;
  return (
    <>
      {divided && <Divider />}
      <section className={styles.section} aria-labelledby={`${id}-heading`}>
        <Subtitle2 as="h2" id={`${id}-heading`}>
          {title}
        </Subtitle2>
        {!noticeAfter && bar}
        {children}
        {noticeAfter && bar}
      </section>
    </>
  );
}
