import Foundation

/// The course as a report needs it: the lesson ids in course order, each with its exercise ids in page order.
///
/// Plain values, so that ``ProgressStore`` does not depend on the lesson loader: the caller builds it from the
/// lessons folder (or, lacking one, from what the store saw with ``inferred(from:)``).
public struct CourseOutline: Sendable, Hashable {
    /// One lesson of the course.
    public struct Lesson: Sendable, Hashable {
        /// The lesson's id.
        public var id: String
        /// The lesson's title, for tables; the id when unknown.
        public var title: String
        /// The ids of its exercises, in page order.
        public var exercises: [String]

        /// Creates a lesson outline.
        public init(id: String, title: String? = nil, exercises: [String]) {
            self.id = id
            self.title = title ?? id
            self.exercises = exercises
        }
    }

    /// The lessons in course order.
    public var lessons: [Lesson]

    /// Creates an outline.
    public init(lessons: [Lesson]) {
        self.lessons = lessons
    }

    /// The lessons and exercises the learners in `reports` opened or attempted, each in binary id order: a stand-in
    /// for the course when its lesson files are not at hand.
    public static func inferred(from reports: [LearnerReport]) -> CourseOutline {
        var exercises: [String: Set<String>] = [:]
        for report in reports {
            for summary in report.exercises {
                exercises[summary.lesson, default: []].insert(summary.exercise)
            }
            for lesson in report.completedLessons where exercises[lesson] == nil {
                exercises[lesson] = []
            }
        }
        return CourseOutline(
            lessons: exercises.keys.sorted(by: precedesInBinaryOrder).map { lesson in
                Lesson(id: lesson, exercises: exercises[lesson, default: []].sorted(by: precedesInBinaryOrder))
            })
    }
}
