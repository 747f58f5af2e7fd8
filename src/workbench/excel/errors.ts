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
