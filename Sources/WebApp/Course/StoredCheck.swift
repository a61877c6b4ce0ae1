// ProgressStore and LessonKit both name a type `CheckResult`, and the module `ProgressStore` shares its name
// with its protocol, so `ProgressStore.CheckResult` cannot be written. This file imports ProgressStore alone
// and gives its type a name the rest of the module can use.
import ProgressStore

/// A check's outcome as the progress store keeps it.
typealias StoredCheckResult = CheckResult
