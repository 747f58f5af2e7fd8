import { ExcelApiError } from "./errors";
import { BatchContext, FakeCollection, FakeObject } from "./proxy";

/** Settings hold JSON ("Excel.SettingCollection class": values are serialised): what goes in comes back as a copy. */
const copy = (v: unknown) => JSON.parse(JSON.stringify(v));

/**
 * Excel.SettingCollection ("Excel.SettingCollection class", learn.microsoft.com): add(key,
 * value) creates or replaces, getItem (ItemNotFound at the sync when missing),
 * getItemOrNullObject.
 */
export class FakeSettingCollection extends FakeCollection<FakeSetting> {
  protected current(): FakeSetting[] {
    return [...this.model.settings.keys()].map((k) => new FakeSetting(this.context, k));
  }

  add(key: string, value: unknown): FakeSetting {
    this.context.enqueue(() => {
      this.model.settings.set(key, copy(value));
    });
    return new FakeSetting(this.context, key);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true);
  }

  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.context, key);
    s.resolveNullness();
    return s;
  }
}

/** Excel.Setting ("Excel.Setting class", learn.microsoft.com): key, value, delete. */
export class FakeSetting extends FakeObject {
  declare readonly key: string;
  declare value: unknown;

  constructor(
    context: BatchContext,
    readonly settingKey: string,
    private required = false,
  ) {
    super(context);
  }

  protected override exists(): boolean {
    const there = this.model.settings.has(this.settingKey);
    if (!there && this.required) throw new ExcelApiError("ItemNotFound", `The setting '${this.settingKey}' doesn't exist.`);
    return there;
  }

  delete(): void {
    this.act(() => this.model.settings.delete(this.settingKey));
  }
}

FakeSetting.withProperties({
  key: { read: (s) => s.settingKey },
  value: {
    read: (s) => copy(s.model.settings.get(s.settingKey) ?? null),
    write: (s, v) => s.model.settings.set(s.settingKey, copy(v)),
  },
});
