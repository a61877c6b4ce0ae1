import ProgressStore

// This file imports ProgressStore alone: both it and LessonKit name a type `CheckResult`, and the module
// `ProgressStore` cannot qualify it because its protocol has the same name.

/// A check's outcome as the progress store records it.
typealias RecordedCheck = CheckResult
