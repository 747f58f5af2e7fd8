/**
 * What Excel's custom-functions runtime provides, for the workbench page: CustomFunctions.Error
 * and its codes, and associate() (the build appends associate calls to the functions module, so
 * this must run before that module is imported: import it first).
 */
const scope = globalThis as unknown as { CustomFunctions?: unknown };

export const associated = new Map<string, unknown>();

/** The CustomFunctions object: Error with a code and message, ErrorCode as Excel spells the codes, associate into `into`. */
export function customFunctionsObject<F>(into: Map<string, F>) {
  class CustomFunctionsError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  return {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: (id: string, f: F) => into.set(id, f),
  };
}

if (!scope.CustomFunctions) scope.CustomFunctions = customFunctionsObject(associated);
