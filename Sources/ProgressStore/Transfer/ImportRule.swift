/// Decisions an import takes the same way in every store.
enum ImportRule {
    /// The display name a learner created by an import gets: the exported one when it follows the rules, else the handle.
    static func displayName(_ learner: ExportedLearner) -> String {
        NameFormat.normalised(learner.displayName) ?? learner.handle
    }

    /// The error for an exported learner whose class is neither in the export nor in the store.
    static func unknownClass(_ code: String, handle: String) -> ProgressStoreError {
        ProgressStoreError.invalidExport.with("learner “\(handle)” belongs to class “\(code)”, which is neither in the export nor in this store")
    }
}
