/**
 * Excel's CustomFunctions runtime is not there under jest: give tests the same surface the
 * workbench gives the page (ErrorCode values as Excel spells them, an Error with code and message).
 */
import "../../src/workbench/customFunctionsRuntime";
