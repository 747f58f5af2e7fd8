/**
 * The pane's parts that the first screen does not show (issue 25: the dialogs, the chain's
 * correlograms, the strategy map) come in webpack chunks of their own, loaded when they are
 * first rendered. LazyPart holds the place while a chunk loads, and says so in that place when
 * it cannot be loaded (the network dropped, the add-in was updated under an open pane): without
 * a boundary React would take down the whole pane with the one part.
 */
import { Spinner, Text } from "@fluentui/react-components";
import { Component, ComponentType, lazy, ReactNode, Suspense, useState } from "react";

/**
 * React.lazy over a module's named export (lazy takes a default export only). The call's
 * import() names its chunk with a webpackChunkName comment, so dist/ says what each file holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lazy's own bound: any props
export function lazyNamed<M extends { [key in K]: ComponentType<any> }, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** True from the first render where `open` is, on: a dialog mounted once stays mounted, so it animates closed as before. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return open || opened;
}

interface LazyPartProps {
  children: ReactNode;
  /** What the spinner says while the chunk loads; none: nothing is shown meanwhile (a dialog). */
  loading?: string;
}

export function LazyPart({ children, loading }: LazyPartProps) {
  const fallback = loading ? <Spinner size="tiny" label={loading} labelPosition="after" /> : null;
  return (
    <LoadBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}

class LoadBoundary extends Component<{ children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <Text size={200} role="alert">
        This part of the pane could not be loaded ({this.state.failed}). Close and open the add-in again to retry.
      </Text>
    );
  }
}
