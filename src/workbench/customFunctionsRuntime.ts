/**
 * What Excel's custom-functions runtime provides, for the workbench page: CustomFunctions.Error
 * and its codes, and associate() (the build appends associate calls to the functions module, so
 * this must run before that module is imported: import it first).
 */
const scope = globalThis as unknown as { CustomFunctions?: unknown };

export const associated = new Map<string, unknown>();

if (!scope.CustomFunctions) {
  class CustomFunctionsError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  scope.CustomFunctions = {
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
    associate: (id: string, f: unknown) => associated.set(id, f),
  };
}
