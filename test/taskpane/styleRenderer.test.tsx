/**
 * @jest-environment jsdom
 */
/**
 * The pane's style renderer (styleRenderer.ts): Griffel is handed each group of rules once, and
 * the style sheets it writes are exactly those of Griffel's own renderer.
 */
import { render } from "@testing-library/react";
import { Badge, Button, FluentProvider, Input, RendererProvider, Select, Text, createDOMRenderer, webLightTheme } from "@fluentui/react-components";
import { insertingEachGroupOnce, paneStyleRenderer } from "../../src/taskpane/styleRenderer";

type Renderer = ReturnType<typeof createDOMRenderer>;

/** A form-like row of the components the pane draws most, `copies` times. */
function Rows({ copies }: { copies: number }) {
  return (
    <>
      {Array.from({ length: copies }, (_, i) => (
        <div key={i}>
          <Badge appearance="tint" color="warning">
            Due
          </Badge>
          <Text size={200}>Line {i}</Text>
          <Button appearance={i % 2 ? "primary" : "secondary"}>Review</Button>
          <Input defaultValue="2025-12" />
          <Select defaultValue="a">
            <option value="a">A</option>
          </Select>
        </div>
      ))}
    </>
  );
}

function renderWith(renderer: Renderer, copies: number) {
  return render(
    <RendererProvider renderer={renderer}>
      <FluentProvider theme={webLightTheme}>
        <Rows copies={copies} />
      </FluentProvider>
    </RendererProvider>,
  );
}

/** A document of its own, with a window, so that its style elements have style sheets. */
function frameDocument(): Document {
  const frame = document.createElement("iframe");
  document.body.appendChild(frame);
  return frame.contentDocument!;
}

/** Every rule of every style element Griffel wrote into `doc`, bucket by bucket in document order. */
function cssOf(doc: Document): string[] {
  return [...doc.head.querySelectorAll("style")].map(
    (el) => `${el.getAttribute("data-make-styles-bucket")}: ${[...el.sheet!.cssRules].map((r) => r.cssText).join(" ")}`,
  );
}

/** A renderer whose insertCSSRules calls are counted before they reach Griffel. */
function counted(doc: Document): { renderer: Renderer; calls: () => number; rules: () => number } {
  const renderer = createDOMRenderer(doc);
  const insert = renderer.insertCSSRules.bind(renderer);
  let calls = 0;
  let rules = 0;
  renderer.insertCSSRules = (byBucket) => {
    calls++;
    for (const group of Object.values(byBucket)) rules += group?.length ?? 0;
    insert(byBucket);
  };
  return { renderer, calls: () => calls, rules: () => rules };
}

describe("the pane's style renderer", () => {
  it("writes the very style sheets Griffel's own renderer writes, first render and later mounts alike", () => {
    const own = frameDocument();
    const pane = frameDocument();
    const ownRenderer = createDOMRenderer(own);
    const paneRenderer = paneStyleRenderer(pane);
    const first = [renderWith(ownRenderer, 1), renderWith(paneRenderer, 1)];
    expect(cssOf(pane)).toEqual(cssOf(own));
    expect(cssOf(own).join("").length).toBeGreaterThan(1000);
    // More of the same, and a theme's variables for another provider: still the same sheets.
    const more = [renderWith(ownRenderer, 30), renderWith(paneRenderer, 30)];
    expect(cssOf(pane)).toEqual(cssOf(own));
    [...first, ...more].forEach((r) => r.unmount());
  });

  it("hands Griffel a group of rules once, however many components mount with it", () => {
    const one = counted(document.implementation.createHTMLDocument("one row"));
    const many = counted(document.implementation.createHTMLDocument("thirty rows"));
    renderWith(insertingEachGroupOnce(one.renderer), 1).unmount();
    renderWith(insertingEachGroupOnce(many.renderer), 30).unmount();
    expect(one.calls()).toBeGreaterThan(5);
    expect(many.calls()).toBe(one.calls());
    expect(many.rules()).toBe(one.rules());
    // Griffel's own renderer is handed them at every mount: what the pane's renderer saves.
    const plain = counted(document.implementation.createHTMLDocument("thirty rows, Griffel's renderer"));
    renderWith(plain.renderer, 30).unmount();
    expect(plain.calls()).toBeGreaterThan(20 * one.calls());
  });

  it("passes on, of a call, only the groups it has not seen, however they are wrapped", () => {
    const seen: string[][] = [];
    const base = { insertCSSRules: (byBucket: Record<string, string[]>) => seen.push(Object.keys(byBucket)) } as unknown as Renderer;
    const renderer = insertingEachGroupOnce(base);
    const reset = [".r1{color:red;}"];
    const atomic = [".a1{margin:0;}"];
    const media = [".m1{padding:0;}"];
    renderer.insertCSSRules({ r: reset });
    // Reset styles come in a fresh object at every render: the group inside is what was seen.
    renderer.insertCSSRules({ r: reset });
    renderer.insertCSSRules({ r: reset, d: atomic });
    renderer.insertCSSRules({ d: atomic, m: media });
    renderer.insertCSSRules({ d: atomic });
    // Another component's reset styles: a new group in a bucket seen before.
    renderer.insertCSSRules({ r: [".r2{color:blue;}"] });
    expect(seen).toEqual([["r"], ["d"], ["m"], ["r"]]);
  });
});
