// KubeTutor: makes the lesson pages work in place. Every form here also works without this file
// (the server answers with the whole page); this only saves the reload. No dependencies.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  // ---- The editor: line numbers that follow the text, markers on the lines the checker names ----

  function lineCount(text) {
    return text.split("\n").length;
  }

  function Editor(root) {
    this.root = root;
    this.text = root.querySelector("textarea");
    this.gutter = root.querySelector(".editor-gutter");
    this.marks = {};
    var self = this;
    // The server marked some lines already (a page answering a form post): keep them.
    Array.prototype.forEach.call(this.gutter.querySelectorAll(".editor-line"), function (line) {
      if (line.classList.contains("has-error") || line.classList.contains("has-warning")) {
        self.marks[line.getAttribute("data-line")] = {
          state: line.classList.contains("has-error") ? "has-error" : "has-warning",
          note: line.getAttribute("title") || ""
        };
      }
    });
    this.text.addEventListener("input", function () { self.render(); });
    this.text.addEventListener("scroll", function () { self.follow(); });
    this.text.addEventListener("keydown", function (event) {
      // Tab indents by two spaces (YAML has no tabs); Escape then Tab leaves the editor as usual.
      if (event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !self.escaped) {
        event.preventDefault();
        var start = self.text.selectionStart;
        var end = self.text.selectionEnd;
        self.text.setRangeText("  ", start, end, "end");
        self.render();
      }
      self.escaped = event.key === "Escape";
    });
    this.render();
  }

  Editor.prototype.render = function () {
    var count = lineCount(this.text.value);
    var last = count;
    Object.keys(this.marks).forEach(function (line) { last = Math.max(last, Number(line)); });
    var fragment = document.createDocumentFragment();
    for (var number = 1; number <= last; number++) {
      var line = document.createElement("span");
      line.className = "editor-line";
      line.setAttribute("data-line", String(number));
      line.textContent = String(number);
      var mark = this.marks[String(number)];
      if (mark) {
        line.classList.add(mark.state);
        line.title = mark.note;
      }
      fragment.appendChild(line);
    }
    this.gutter.textContent = "";
    this.gutter.appendChild(fragment);
    // The text area grows with the YAML, so the numbers stay beside their lines.
    this.text.rows = Math.max(count + 1, 6);
    this.follow();
  };

  Editor.prototype.follow = function () {
    this.gutter.style.transform = "translateY(" + (-this.text.scrollTop) + "px)";
  };

  /** Marks the lines the diagnostics name; an error outranks a warning on the same line. */
  Editor.prototype.mark = function (diagnostics) {
    var marks = {};
    diagnostics.forEach(function (diagnostic) {
      if (!(diagnostic.line >= 1)) { return; }
      var key = String(diagnostic.line);
      var state = diagnostic.severity === "error" ? "has-error" : "has-warning";
      var note = diagnostic.severity + ": " + diagnostic.message;
      if (marks[key]) {
        marks[key].note += "\n" + note;
        if (state === "has-error") { marks[key].state = state; }
      } else {
        marks[key] = { state: state, note: note };
      }
    });
    this.marks = marks;
    this.render();
  };

  // ---- Talking to the server ----

  function postJSON(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }

  function showProblem(container, message) {
    var problem = document.createElement("p");
    problem.className = "form-error";
    problem.setAttribute("role", "alert");
    problem.textContent = message;
    container.textContent = "";
    container.appendChild(problem);
  }

  function busy(form, isBusy) {
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = isBusy;
      button.classList.toggle("is-busy", isBusy);
    }
    form.setAttribute("aria-busy", isBusy ? "true" : "false");
  }

  // ---- Exercises: Check without a reload ----

  function setUpExercise(section) {
    var form = section.querySelector("form.exercise-form");
    var editorRoot = section.querySelector("[data-editor]");
    if (!form || !editorRoot) { return; }
    var editor = new Editor(editorRoot);
    var result = section.querySelector("[data-result]");
    var status = section.querySelector("[data-status]");
    form.addEventListener("submit", function (event) {
      var api = form.getAttribute("data-check-api");
      if (!api || !window.fetch) { return; }
      event.preventDefault();
      busy(form, true);
      postJSON(api, { yaml: editor.text.value }).then(function (answer) {
        busy(form, false);
        if (answer.status === 401) {
          // Not joined yet: the plain form post takes the learner to /join and back.
          form.submit();
          return;
        }
        if (!answer.ok) {
          showProblem(result, answer.data.error || "The check failed; try again.");
          return;
        }
        editor.mark(answer.data.diagnostics || []);
        result.innerHTML = answer.data.html;
        if (status) {
          var attempts = answer.data.attempt + (answer.data.attempt === 1 ? " attempt" : " attempts");
          status.textContent = answer.data.everPassed ? "Passed · " + attempts : attempts + ", not passed yet";
          status.classList.toggle("is-passed", !!answer.data.everPassed);
        }
        section.classList.toggle("is-passed", !!answer.data.everPassed);
      }).catch(function () {
        busy(form, false);
        form.submit();
      });
    });
  }

  // ---- Hints: one at a time, behind a button ----

  function setUpHints(container) {
    var bodies = Array.prototype.map.call(container.querySelectorAll(".hint-body"), function (body) { return body; });
    if (bodies.length === 0) { return; }
    var list = document.createElement("ol");
    list.className = "hint-list";
    bodies.forEach(function (body, index) {
      var item = document.createElement("li");
      item.hidden = true;
      var label = document.createElement("span");
      label.className = "hint-label";
      label.textContent = "Hint " + (index + 1) + " of " + bodies.length;
      item.appendChild(label);
      while (body.firstChild) { item.appendChild(body.firstChild); }
      list.appendChild(item);
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-quiet hint-button";
    var shown = 0;
    function label() {
      button.textContent = shown < bodies.length ? (shown === 0 ? "Show a hint" : "Show the next hint") + " (" + (shown + 1) + " of " + bodies.length + ")" : "No more hints";
      button.disabled = shown >= bodies.length;
    }
    button.addEventListener("click", function () {
      if (shown >= bodies.length) { return; }
      var item = list.children[shown];
      item.hidden = false;
      item.setAttribute("tabindex", "-1");
      item.focus();
      shown += 1;
      label();
    });
    label();
    container.textContent = "";
    container.appendChild(list);
    container.appendChild(button);
    container.classList.add("is-enhanced");
  }

  // ---- The console ----

  function setUpConsole(details) {
    var form = details.querySelector("form.console-form");
    var output = details.querySelector("[data-console-output]");
    if (!form || !output) { return; }
    var input = form.querySelector("input[name=command]");
    // The suggested commands become buttons that fill the prompt in.
    Array.prototype.forEach.call(details.querySelectorAll(".console-examples code"), function (code) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "console-example";
      button.textContent = code.textContent;
      button.addEventListener("click", function () {
        input.value = code.textContent;
        input.focus();
      });
      code.replaceWith(button);
    });
    var history = Array.prototype.map.call(form.querySelectorAll("input[name=history]"), function (field) { return field.value; });
    var recall = history.length;
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowUp" && recall > 0) {
        recall -= 1;
        input.value = history[recall];
        event.preventDefault();
      } else if (event.key === "ArrowDown" && recall < history.length) {
        recall += 1;
        input.value = recall < history.length ? history[recall] : "";
        event.preventDefault();
      }
    });
    form.addEventListener("submit", function (event) {
      var api = form.getAttribute("data-console-api");
      if (!api || !window.fetch) { return; }
      event.preventDefault();
      var command = input.value;
      busy(form, true);
      postJSON(api, { command: command, history: history }).then(function (answer) {
        busy(form, false);
        var line = document.createElement("span");
        line.className = "console-command";
        line.textContent = "$ kubectl " + (answer.data.command || command);
        output.appendChild(line);
        output.appendChild(document.createTextNode("\n"));
        if (!answer.ok) {
          var problem = document.createElement("span");
          problem.className = "console-stderr";
          problem.textContent = (answer.data.error || "The command could not be run.") + "\n";
          output.appendChild(problem);
        } else {
          output.appendChild(document.createTextNode(answer.data.stdout || ""));
          if (answer.data.stderr) {
            var stderr = document.createElement("span");
            stderr.className = "console-stderr";
            stderr.textContent = answer.data.stderr;
            output.appendChild(stderr);
          }
          history = answer.data.history || history.concat([command]);
          Array.prototype.forEach.call(form.querySelectorAll("input[name=history]"), function (field) { field.remove(); });
        }
        recall = history.length;
        input.value = "";
        output.scrollTop = output.scrollHeight;
        input.focus();
      }).catch(function () {
        busy(form, false);
        form.submit();
      });
    });
  }

  // ---- Quizzes ----

  function setUpQuiz(section) {
    var form = section.querySelector("form.quiz-form");
    var feedback = section.querySelector("[data-feedback]");
    if (!form || !feedback) { return; }
    form.addEventListener("submit", function (event) {
      var api = form.getAttribute("data-quiz-api");
      var chosen = form.querySelector("input[name=choice]:checked");
      if (!api || !window.fetch || !chosen) { return; }
      event.preventDefault();
      busy(form, true);
      postJSON(api, { choice: Number(chosen.value) }).then(function (answer) {
        busy(form, false);
        if (answer.status === 401) {
          form.submit();
          return;
        }
        if (!answer.ok) {
          showProblem(feedback, answer.data.error || "The answer could not be saved; try again.");
          return;
        }
        Array.prototype.forEach.call(form.querySelectorAll(".choice"), function (choice) {
          choice.classList.remove("is-correct", "is-wrong");
        });
        chosen.closest(".choice").classList.add(answer.data.correct ? "is-correct" : "is-wrong");
        section.classList.toggle("is-correct", !!answer.data.correct);
        feedback.innerHTML = answer.data.html;
      }).catch(function () {
        busy(form, false);
        form.submit();
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-exercise]"), setUpExercise);
    Array.prototype.forEach.call(document.querySelectorAll("[data-hints]"), setUpHints);
    Array.prototype.forEach.call(document.querySelectorAll("details.console"), setUpConsole);
    Array.prototype.forEach.call(document.querySelectorAll("[data-quiz]"), setUpQuiz);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
