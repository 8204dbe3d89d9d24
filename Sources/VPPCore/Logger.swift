#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Severity of a log message, lowest first.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case debug, info, warning, error

    public var label: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The one logger of vppsim: messages at or above `minimumLevel` go to standard error.
///
/// Library code reports through this; results go to files or standard output only.
public struct Logger: Sendable {
    public var minimumLevel: LogLevel
    public let subsystem: String

    public init(subsystem: String, minimumLevel: LogLevel = Logger.defaultLevel) {
        self.subsystem = subsystem
        self.minimumLevel = minimumLevel
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= minimumLevel else { return }
        writeToStandardError("vppsim \(level.label) [\(subsystem)]: \(message())\n")
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// The level used by loggers created without one; set once by the CLI from its flags.
    public nonisolated(unsafe) static var defaultLevel: LogLevel = .warning
}

/// Writes text to standard error unbuffered, so progress lines appear as they happen.
public func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
        _ = write(2, buffer.baseAddress, buffer.count)
    }
}

/// Whether standard error is an interactive terminal (progress is shown only then).
public var standardErrorIsTerminal: Bool { isatty(2) != 0 }
