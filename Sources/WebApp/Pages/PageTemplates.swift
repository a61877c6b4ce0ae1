/// The Mustache templates of the site, built into the binary so that it runs from any folder.
///
/// `{{name}}` escapes HTML; `{{{name}}}` is used only for HTML that a template or ``LessonKit/HTMLRenderer``
/// has already escaped (the page content and a lesson body).
enum PageTemplates {
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
        </head>
        <body class="{{bodyClass}}">
        <a class="skip-link" href="#main">Skip to the content</a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">⎈</span> KubeTutor</a>
            <nav class="site-nav" aria-label="Site">
              <a href="/">Lessons</a>
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

    /// `/`: the lessons in course order.
    static let index = """
        <section class="intro">
          <h1>Kubernetes networking, one idea at a time</h1>
          <p class="lead">How containers in a Pod share a network, how Pods talk across nodes,
          and the ways a Service lets traffic in. Each lesson starts from a question you have
          and ends with something you can run.</p>
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
                  <span class="lesson-meta">{{minutes}} min</span>
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

    /// `/lessons/<id>`: one lesson.
    static let lesson = """
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href="/">Lessons</a> <span aria-hidden="true">/</span> <span>Lesson {{number}}</span>
        </nav>
        <article class="lesson">
          <header class="lesson-header">
            <p class="eyebrow">Lesson {{number}} of {{total}} · {{minutes}} min</p>
            <h1>{{title}}</h1>
            <p class="lead">{{summary}}</p>
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
}
