/**
 * Errors as the Excel JavaScript API raises them: a `RichApi.Error` with a code from
 * OfficeExtension.ErrorCodes ("Error handling with the application-specific JavaScript APIs",
 * learn.microsoft.com) and a message. Every stand-in file throws these, so they live apart
 * from the model and the proxies.
 */
export class ExcelApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** Reading a property that no `load` and `sync` brought back (PropertyNotLoaded). */
export function notLoaded(name: string): ExcelApiError {
  return new ExcelApiError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** `item`, or ItemNotFound for the `what` that getItem(`key`) asked for and the workbook lacks. */
export function requested<T>(item: T | null | undefined, what: string, key: string): T {
  if (item === null || item === undefined) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: ${what} '${key}'.`);
  return item;
}

/** Whether the object a proxy was made for is still among `list` (a proxy outlives a deleted table, name or chart). */
export function stillIn<T>(item: T | null | undefined, list: readonly T[]): item is T {
  return item !== null && item !== undefined && list.includes(item);
}

/** `item` while it is still among `list`, else ItemNotFound ("The `what` doesn't exist."). */
export function stillThere<T>(item: T | null | undefined, list: readonly T[], what: string): T {
  if (!stillIn(item, list)) throw new ExcelApiError("ItemNotFound", `The ${what} doesn't exist.`);
  return item;
}
