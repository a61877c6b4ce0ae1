import LessonKit
import Mustache

/// The Mustache templates of the site, built into the binary so that it runs from any folder.
///
/// `{{name}}` escapes HTML (with ``ByteEscapedHTML``, which ``SitePages/template(_:_:)`` names for every template);
/// `{{{name}}}` is used only for HTML that a template, ``SVGCanvas`` or
/// ``LessonKit/HTMLRenderer`` has already escaped. `<!--kubetutor:...-->` comments are ``PageSlot`` markers:
/// the page templates are rendered once at start-up, the slot templates per request with the learner's state.
enum PageTemplates {
    // MARK: Pages, rendered once

    /// The frame around every page.
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}}</title>
        <meta name="description" content="{{description}}">
        <link rel="stylesheet" href="/public/style.css">
        <link rel="icon" href="/public/img/favicon.svg" type="image/svg+xml">
        <script src="/public/js/kubetutor.js" defer></script>
        </head>
        <body class="{{bodyClass}}">
        <a class="skip-link" href="#main">Skip to the content</a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">⎈</span> KubeTutor</a>
            <nav class="site-nav" aria-label="Site">
              <a href="/">Lessons</a>
              <!--kubetutor:learner-->
            </nav>
          </div>
        </header>
        <main id="main" class="page">
        {{{content}}}
        </main>
        <footer class="site-footer">
          <p>KubeTutor runs on your machine. No cluster, no account, no internet needed.</p>
        </footer>
        </body>
        </html>

        """

    /// `/`: the lessons in course order, each with a slot for the learner's progress.
    static let index = """
        <section class="intro">
          <h1>Kubernetes networking, one idea at a time</h1>
          <p class="lead">How containers in a Pod share a network, how Pods talk across nodes,
          and the ways a Service lets traffic in. Each lesson starts from a question you have
          and ends with something you can run.</p>
          <!--kubetutor:course-progress-->
        </section>
        <section aria-labelledby="lessons-title">
          <h2 id="lessons-title" class="section-title">Lessons</h2>
          {{#hasLessons}}
          <ol class="lesson-list">
            {{#lessons}}
            <li class="lesson-card">
              <a class="lesson-link" href="{{url}}">
                <span class="lesson-number" aria-hidden="true">{{number}}</span>
                <span class="lesson-text">
                  <span class="lesson-title">{{title}}</span>
                  <span class="lesson-summary">{{summary}}</span>
                  <span class="lesson-meta">{{minutes}} min{{#work}} · {{work}}{{/work}}<!--kubetutor:progress:{{id}}--></span>
                </span>
              </a>
            </li>
            {{/lessons}}
          </ol>
          {{/hasLessons}}
          {{^hasLessons}}
          <p class="empty">There are no lessons yet. Add a Markdown file to the lessons folder and restart the server.</p>
          {{/hasLessons}}
        </section>

        """

    /// `/lessons/<id>`: one lesson; its exercises and questions are slots.
    static let lesson = """
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href="/">Lessons</a> <span aria-hidden="true">/</span> <span>Lesson {{number}}</span>
        </nav>
        <article class="lesson">
          <header class="lesson-header">
            <p class="eyebrow">Lesson {{number}} of {{total}} · {{minutes}} min</p>
            <h1>{{title}}</h1>
            <p class="lead">{{summary}}</p>
            <p class="lesson-status"><!--kubetutor:progress:{{id}}--></p>
          </header>
          {{#hasContents}}
          <nav class="toc" aria-labelledby="toc-title">
            <h2 id="toc-title">On this page</h2>
            <ol>
              {{#contents}}
              <li><a href="#{{anchor}}">{{text}}</a></li>
              {{/contents}}
            </ol>
          </nav>
          {{/hasContents}}
          <div class="lesson-body">
        {{{body}}}
          </div>
        </article>
        <nav class="pager" aria-label="Other lessons">
          {{#previous}}<a class="pager-link pager-previous" href="{{url}}"><span class="pager-label">Previous</span> {{title}}</a>{{/previous}}
          {{#next}}<a class="pager-link pager-next" href="{{url}}"><span class="pager-label">Next</span> {{title}}</a>{{/next}}
          {{^next}}<a class="pager-link pager-next" href="/"><span class="pager-label">Done</span> Back to all lessons</a>{{/next}}
        </nav>

        """

    /// `/join`: the form is a slot.
    static let join = """
        <section class="join">
          <p class="eyebrow">Join</p>
          <h1>Pick a handle</h1>
          <p class="lead">Your handle is how KubeTutor keeps your answers and progress on this machine.
          No password, no e-mail: this browser remembers you.</p>
          <!--kubetutor:join-form-->
        </section>

        """

    /// Any address that leads nowhere.
    static let notFound = """
        <section class="not-found">
          <p class="eyebrow">404 · Not found</p>
          <h1>There is nothing at this address</h1>
          <p class="lead">The lesson or file you asked for does not exist. It may have been renamed,
          or the link has a typo.</p>
          {{#hasLessons}}
          <p>These lessons are here:</p>
          <ul class="plain-list">
            {{#lessons}}
            <li><a href="{{url}}">{{title}}</a></li>
            {{/lessons}}
          </ul>
          {{/hasLessons}}
          <p><a class="button" href="/">Go to the list of lessons</a></p>
        </section>

        """

    /// Any other refusal (a form from another site, a body too large, a store failure); rendered per error.
    static let error = """
        <section class="not-found">
          <p class="eyebrow">{{code}} · {{reason}}</p>
          <h1>{{title}}</h1>
          <p class="lead">{{message}}</p>
          <p><a class="button" href="/">Go to the list of lessons</a></p>
        </section>

        """

    // MARK: Slots, rendered per request

    /// The header corner: who is signed in, or a way to join.
    static let learnerCorner = """
        {{#joined}}<span class="whoami" title="Signed in as {{displayName}}"><span class="whoami-mark" aria-hidden="true"></span><span class="visually-hidden">Signed in as </span>{{handle}}</span>{{/joined}}{{^joined}}<a class="join-link" href="{{joinURL}}">Join</a>{{/joined}}
        """

    /// The index page's summary of the course.
    static let courseProgress = """
        {{#joined}}<div class="course-progress"><p>Welcome back, <strong>{{displayName}}</strong>. You have completed <strong>{{completed}}</strong> of {{total}} lessons.</p><progress max="{{total}}" value="{{completed}}" aria-label="Lessons completed">{{completed}} of {{total}}</progress></div>{{/joined}}{{^joined}}<p class="join-callout"><a class="button" href="/join">Join</a> <span>Pick a handle to check your answers and keep your progress. No password needed.</span></p>{{/joined}}
        """

    /// A lesson's progress badge.
    static let lessonProgress = """
        {{#shown}}<span class="progress-badge {{badgeClass}}">{{text}}</span>{{/shown}}
        """

    /// An exercise: prompt, editor with gutter, Check, hints, result, console.
    static let exercise = """
        <section class="exercise{{#passed}} is-passed{{/passed}}" id="exercise-{{id}}" data-exercise="{{id}}" aria-labelledby="exercise-{{id}}-title">
        <header class="exercise-header">
        <p class="eyebrow">Exercise {{number}} of {{count}}</p>
        <h3 id="exercise-{{id}}-title">{{title}}</h3>
        <p class="exercise-status{{#passed}} is-passed{{/passed}}" data-status>{{status}}</p>
        </header>
        <div class="exercise-prompt">
        {{{promptHTML}}}
        </div>
        {{{givenHTML}}}
        <form class="exercise-form" method="post" action="{{formAction}}" data-check-api="{{checkAPI}}">
        <label class="editor-label" for="yaml-{{id}}">Your YAML</label>
        <div class="editor" data-editor>
        <div class="editor-gutter" aria-hidden="true">{{#lines}}<span class="editor-line{{#state}} {{state}}{{/state}}" data-line="{{number}}"{{#note}} title="{{note}}"{{/note}}>{{number}}</span>{{/lines}}</div>
        <textarea class="editor-text" id="yaml-{{id}}" name="yaml" rows="{{rows}}" wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off" aria-describedby="result-{{id}}">
        {{yaml}}</textarea>
        </div>
        <div class="exercise-actions">
        <button type="submit" class="button">Check</button>
        {{^joined}}<p class="join-note">Checking saves your answer, so <a href="{{joinURL}}">join first</a>: a handle is all it takes.</p>{{/joined}}
        </div>
        </form>
        {{{hintsHTML}}}
        <div class="exercise-result" id="result-{{id}}" data-result aria-live="polite">
        {{{resultHTML}}}
        </div>
        {{{consoleHTML}}}
        </section>

        """

    /// What the checker said about an attempt, the traces, the solution once passed, and the cluster.
    /// The JSON API sends the same HTML as `html`, so that the page updates in place.
    static let result = """
        {{#graded}}
        <div class="result-summary {{summaryClass}}">
        <p class="result-headline"><span class="result-mark" aria-hidden="true">{{mark}}</span> {{headline}}</p>
        {{#saved}}<p class="result-saved">{{.}}</p>{{/saved}}
        </div>
        <ul class="checks">
        {{#checks}}<li class="check {{state}}"><span class="check-mark" aria-hidden="true">{{mark}}</span><span class="visually-hidden">{{stateText}}: </span><span class="check-text"><strong class="check-name">{{name}}</strong> <span class="check-message">{{{messageHTML}}}</span></span></li>
        {{/checks}}
        </ul>
        {{#hasDiagnostics}}
        <h4 class="result-title">What the API server says about your YAML</h4>
        <ul class="diagnostics">
        {{#diagnostics}}<li class="diagnostic is-{{severity}}" data-line="{{line}}"><span class="diagnostic-where">{{location}}</span> <code class="diagnostic-message">{{message}}</code> <span class="diagnostic-explanation">{{{explanationHTML}}}</span></li>
        {{/diagnostics}}
        </ul>
        {{/hasDiagnostics}}
        {{#hasTraces}}
        <h4 class="result-title">Where the requests go</h4>
        {{#traces}}
        <details class="trace{{#failed}} is-failed{{/failed}}"{{#open}} open{{/open}}>
        <summary><span class="trace-mark" aria-hidden="true">{{mark}}</span> <code>{{source}}</code> → <code>{{target}}</code>: {{outcome}}</summary>
        <div class="trace-body">
        <p class="diagram-hint">The picture scrolls sideways; every step is also listed below it.</p>
        <div class="diagram-scroll">{{{svg}}}</div>
        <ol class="trace-steps" aria-label="The request, step by step">
        {{#steps}}<li class="{{state}}"><strong>{{kind}}</strong> at <code>{{at}}</code>: {{detail}}</li>
        {{/steps}}
        </ol>
        <p class="trace-explanation">{{{explanationHTML}}}</p>
        </div>
        </details>
        {{/traces}}
        {{/hasTraces}}
        {{#solution}}
        <details class="solution" open>
        <summary>You passed: the reference solution</summary>
        <pre><code class="language-yaml">{{.}}</code></pre>
        </details>
        {{/solution}}
        {{/graded}}
        {{^graded}}
        <p class="result-empty">Edit the YAML above and press <strong>Check</strong>: the simulated cluster applies it and says what it finds.</p>
        {{/graded}}
        <details class="cluster-view"{{#clusterOpen}} open{{/clusterOpen}}>
        <summary>{{clusterTitle}}</summary>
        <div class="diagram-scroll diagram-wide">{{{clusterWide}}}</div>
        <div class="diagram-scroll diagram-narrow">{{{clusterNarrow}}}</div>
        </details>

        """

    /// The console under an exercise.
    static let console = """
        <details class="console" id="console-{{id}}"{{#open}} open{{/open}}>
        <summary>kubectl console</summary>
        <div class="console-body">
        <p class="console-note" data-console-note>{{note}}</p>
        <pre class="console-output" data-console-output tabindex="0" aria-label="Console output" aria-live="polite">{{#entries}}<span class="console-command">$ kubectl {{command}}</span>
        {{stdout}}{{#stderr}}<span class="console-stderr">{{stderr}}</span>{{/stderr}}{{/entries}}</pre>
        {{#error}}<p class="form-error" role="alert">{{error}}</p>{{/error}}
        <form class="console-form" method="post" action="{{formAction}}" data-console-api="{{consoleAPI}}">
        <label class="console-prompt" for="console-{{id}}-command">$ kubectl</label>
        <input class="console-input" id="console-{{id}}-command" name="command" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="get pods -o wide" maxlength="4096" required>
        {{#history}}<input type="hidden" name="history" value="{{.}}">
        {{/history}}
        <button type="submit" class="button button-quiet">Run</button>
        </form>
        <p class="console-examples">Try {{#examples}}<code>{{.}}</code> {{/examples}}</p>
        </div>
        </details>

        """

    /// A quiz question as a radio group.
    static let quiz = """
        <section class="quiz{{#correct}} is-correct{{/correct}}" id="quiz-{{id}}" data-quiz="{{id}}">
        <form class="quiz-form" method="post" action="{{formAction}}" data-quiz-api="{{quizAPI}}">
        <fieldset>
        <legend class="question"><span class="eyebrow">Question {{number}} of {{count}}</span> <span class="question-text">{{question}}</span></legend>
        <div class="choices">
        {{#choices}}<label class="choice{{#state}} {{state}}{{/state}}"><input type="radio" name="choice" value="{{index}}"{{#checked}} checked{{/checked}} required> <span class="choice-letter" aria-hidden="true">{{letter}}</span> <span class="choice-text">{{text}}</span></label>
        {{/choices}}
        </div>
        </fieldset>
        <div class="quiz-actions">
        <button type="submit" class="button">Answer</button>
        {{^joined}}<p class="join-note">Answers are saved, so <a href="{{joinURL}}">join first</a>.</p>{{/joined}}
        </div>
        </form>
        <div class="quiz-feedback" data-feedback aria-live="polite">{{{feedbackHTML}}}</div>
        </section>

        """

    /// What the learner's latest answer to a question earned.
    static let quizFeedback = """
        {{#answered}}<p class="quiz-verdict {{verdictClass}}"><span aria-hidden="true">{{mark}}</span> {{verdict}}</p>{{#why}}<p class="quiz-why">{{why}}</p>{{/why}}{{#explanation}}<p class="quiz-explanation">{{explanation}}</p>{{/explanation}}{{/answered}}
        """

    /// The join form.
    static let joinForm = """
        {{#signedInAs}}<p class="notice">You are signed in as <strong>{{signedInAs}}</strong>. Joining again starts a new learner in this browser.</p>{{/signedInAs}}
        {{#error}}<p class="form-error" role="alert" id="join-error">{{error}}</p>{{/error}}
        <form class="join-form" method="post" action="/join">
        <input type="hidden" name="next" value="{{next}}">
        <div class="field">
        <label for="handle">Handle</label>
        <input id="handle" name="handle" value="{{handle}}" required maxlength="32" autocomplete="username" autocapitalize="off" spellcheck="false" aria-describedby="handle-help{{#error}} join-error{{/error}}">
        <p class="field-help" id="handle-help">1 to 32 letters, digits, “-”, “_” or “.”, like <code>ana</code> or <code>kim.lee</code>.</p>
        </div>
        <div class="field">
        <label for="class-code">Class code <span class="optional">(optional)</span></label>
        <input id="class-code" name="classCode" value="{{classCode}}" maxlength="32" autocapitalize="off" spellcheck="false" aria-describedby="class-help">
        <p class="field-help" id="class-help">If your instructor gave you one.</p>
        </div>
        <button class="button" type="submit">Join</button>
        </form>

        """
}

/// HTML escaping for `{{name}}`, as swift-mustache's own HTML content type does it (`& < > " '` become `&amp; &lt; &gt;
/// &quot; &#39;`) but over UTF-8 bytes, as ``LessonKit/Swift/String/htmlEscaped`` does, instead of per `Character` through a
/// dictionary: that was a tenth of what an attempt's result panel cost. Working on bytes also escapes a quote that a
/// combining mark follows, which a per-`Character` lookup misses (`"` + U+0301 is one `Character`, not `"`).
struct ByteEscapedHTML: MustacheContentType {
    /// The name templates give it in `{{% CONTENT_TYPE: ... }}`.
    static let name = "KUBETUTOR_HTML"

    /// The line that makes a template escape with this content type. Making it registers the content type, so that it
    /// exists before the first template naming it is parsed (swift-mustache looks it up then).
    static let pragma: String = {
        MustacheContentTypes.register(ByteEscapedHTML(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()

    func escapeText(_ text: String) -> String {
        text.htmlEscaped
    }
}
