/** Answers kept by the content of the arguments (contentMemo.ts): the pane's per-KPI work at each refresh. */
import { memoByContent } from "../../../src/core/model/contentMemo";

describe("memoByContent", () => {
  it("answers the same object for arguments of the same content, computing once; other content computes again", () => {
    const calls: unknown[] = [];
    const f = memoByContent((k: { id: string }, values: (number | null)[]) => {
      calls.push([k, values]);
      return { sum: values.reduce<number>((a, v) => a + (v ?? 0), 0) };
    });
    const a = f({ id: "K" }, [1, 2, null]);
    expect(f({ id: "K" }, [1, 2, null])).toBe(a);
    expect(calls).toHaveLength(1);
    expect(f({ id: "K" }, [1, 2, 3])).toEqual({ sum: 6 });
    expect(f({ id: "J" }, [1, 2, null])).not.toBe(a);
    expect(calls).toHaveLength(3);
  });

  it("keeps NaN and ±Infinity apart from a gap (JSON would write all three as null)", () => {
    const f = memoByContent((v: number | null) => ({ v }));
    expect(f(null).v).toBeNull();
    expect(f(NaN).v).toBeNaN();
    expect(f(Infinity).v).toBe(Infinity);
    expect(f(-Infinity).v).toBe(-Infinity);
  });

  it("keeps at most `limit` answers: past it, all are dropped and computed again", () => {
    let n = 0;
    const f = memoByContent((x: number) => ({ x, n: ++n }), 2);
    const one = f(1);
    f(2);
    expect(f(1)).toBe(one);
    f(3);
    expect(f(1)).not.toBe(one);
    expect(n).toBe(4);
  });

  it("keeps an answer of undefined too", () => {
    let n = 0;
    const f = memoByContent((_x: number) => {
      n++;
      return undefined;
    });
    f(1);
    f(1);
    expect(n).toBe(1);
  });
});
