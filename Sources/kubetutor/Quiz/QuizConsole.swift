import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the learner asked for, typed as a key on a terminal or as a line in the plain line protocol.
enum QuizCommand: Equatable {
    /// Enter, or an empty line: go on.
    case proceed
    /// A number: a quiz choice, or a lesson at the menu.
    case number(Int)
    case next, previous, hint, solution, check, edit, menu, quit, help
    /// `k`: the kubectl prompt; with a command (line protocol `k get pods`), that one command.
    case kubectl(String?)
    /// Anything else, kept to say what was not understood.
    case unknown(String)

    /// Reads one line of the line protocol.
    init(line: String) {
        let text = line.trimmingCharacters(in: .whitespaces)
        let word = text.split(separator: " ", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        let rest = text.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
        switch word {
        case "": self = .proceed
        case "n", "next": self = .next
        case "p", "prev", "previous": self = .previous
        case "h", "hint": self = .hint
        case "s", "solution": self = .solution
        case "c", "check": self = .check
        case "e", "edit": self = .edit
        case "m", "menu": self = .menu
        case "q", "quit", "exit": self = .quit
        case "?", "help": self = .help
        case "k", "kubectl": self = .kubectl(rest)
        default:
            if let number = Int(word), rest == nil { self = .number(number) } else { self = .unknown(text) }
        }
    }

    /// Reads one key pressed on a terminal (nil for keys that mean nothing here).
    init?(key: UInt8) {
        switch key {
        case 13, 10, UInt8(ascii: " "): self = .proceed
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .number(Int(key - UInt8(ascii: "0")))
        case 3, 4: self = .quit  // Ctrl-C and Ctrl-D: the terminal is raw, so they arrive as keys.
        default:
            let character = Character(Unicode.Scalar(key))
            let command = QuizCommand(line: String(character))
            if case .unknown = command { return nil }
            if case .number = command { return nil }
            self = command
        }
    }
}

/// What waiting for the learner produced.
enum ConsoleEvent: Equatable {
    case command(QuizCommand)
    /// Nothing typed within the timeout: time to look at the watched file.
    case idle
    /// Standard input ended, or a signal asked to stop.
    case end
}

/// Set from a signal handler; the main loop sees it within one poll.
nonisolated(unsafe) private var stopSignal: Int32 = 0
/// The terminal's settings before raw mode, restored at exit and on signals.
nonisolated(unsafe) private var savedTerminal: termios?

/// The learner's terminal, or a plain line protocol when standard input is not one.
///
/// On a terminal, keys act at once: the terminal is put in a raw-ish mode (no line editing, no echo, Ctrl-C as
/// a key) and restored on exit, at `exit()` and on SIGINT/SIGTERM/SIGHUP. Output processing stays on, so
/// `\n` still starts a new line. Waiting uses `poll(2)` with a timeout so that the caller can watch a file.
final class QuizConsole {
    /// Standard input is a terminal: keys, not lines.
    let isInteractive: Bool
    private var buffer: [UInt8] = []
    private var ended = false

    init() {
        isInteractive = isatty(STDIN_FILENO) == 1
    }

    /// Puts the terminal in key-at-a-time mode (on a terminal) and installs the signal handlers.
    func start() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                stopSignal = number
            }
        }
        guard isInteractive else { return }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        savedTerminal = settings
        atexit { QuizConsole.restoreTerminal() }
        enterKeyMode()
    }

    /// Gives the terminal back as it was.
    func finish() {
        Self.restoreTerminal()
    }

    /// The signal that asked to stop, if one did.
    var stoppingSignal: Int32? { stopSignal == 0 ? nil : stopSignal }

    private func enterKeyMode() {
        guard var settings = savedTerminal else { return }
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutablePointer(to: &settings.c_cc) { pointer in
            pointer.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
    }

    private static func restoreTerminal() {
        guard var settings = savedTerminal else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
    }

    /// Writes text to standard output at once.
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Waits up to `timeout` seconds for the next command.
    func next(timeout: Double) -> ConsoleEvent {
        if isInteractive {
            if buffer.isEmpty {
                guard let bytes = readAvailable(timeout: timeout) else { return .end }
                buffer = bytes
            }
            guard !buffer.isEmpty else { return .idle }
            let key = buffer.removeFirst()
            // An escape sequence (arrow keys and the like) means nothing here; the rest of it is dropped.
            if key == 27 {
                buffer = []
                return .idle
            }
            guard let command = QuizCommand(key: key) else {
                return .command(.unknown(String(decoding: [key], as: UTF8.self)))
            }
            return .command(command)
        }
        guard let line = readLine(timeout: timeout) else { return ended ? .end : .idle }
        return .command(QuizCommand(line: line))
    }

    /// Reads one line typed with echo and line editing (the kubectl prompt, a confirmation); nil at the end of input.
    func readLine(prompt: String) -> String? {
        write(prompt)
        if isInteractive {
            buffer = []
            Self.restoreTerminal()
        }
        defer { if isInteractive { enterKeyMode() } }
        while true {
            if stopSignal != 0 { return nil }
            if let line = readLine(timeout: 0.25) { return line }
            if ended { return nil }
        }
    }

    /// Reads one key on a terminal, or one line otherwise, and says whether it means yes.
    func confirm(_ question: String) -> Bool {
        if isInteractive {
            write(question + " [y/N] ")
            while true {
                if buffer.isEmpty {
                    guard let bytes = readAvailable(timeout: 0.25) else { return false }
                    buffer = bytes
                }
                guard !buffer.isEmpty else { continue }
                let key = buffer.removeFirst()
                let yes = key == UInt8(ascii: "y") || key == UInt8(ascii: "Y")
                write(yes ? "yes\n" : "no\n")
                return yes
            }
        }
        guard let answer = readLine(prompt: question + " [y/N] ") else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Runs `$EDITOR file` on the terminal and waits for it; false when it could not be started.
    func runEditor(_ editor: String, file: String) -> Bool {
        Self.restoreTerminal()
        defer { if isInteractive { enterKeyMode() } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Through the shell, so that EDITOR may carry arguments ("code --wait").
        process.arguments = ["-c", editor + " \"$1\"", "kubetutor-editor", file]
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return true
    }

    // MARK: Reading

    /// One line from the buffer or standard input, waiting up to `timeout`; nil when no whole line came.
    private func readLine(timeout: Double) -> String? {
        if let line = takeLine() { return line }
        guard let bytes = readAvailable(timeout: timeout) else {
            ended = true
            if !buffer.isEmpty {
                let rest = String(decoding: buffer, as: UTF8.self)
                buffer = []
                return rest
            }
            return nil
        }
        buffer += bytes
        return takeLine()
    }

    private func takeLine() -> String? {
        guard let newline = buffer.firstIndex(of: 10) else { return nil }
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// The bytes standard input has now, after waiting up to `timeout` for some: empty when none came,
    /// nil at the end of input or when a signal asked to stop.
    private func readAvailable(timeout: Double) -> [UInt8]? {
        if stopSignal != 0 || ended { return nil }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        if stopSignal != 0 { return nil }
        if ready <= 0 { return [] }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        if count < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if count == 0 {
            ended = true
            return nil
        }
        return Array(bytes[..<count])
    }
}
