import VPPCore

#if canImport(Glibc)
import Glibc
#endif

/// vppsim's entry point: parse the command line, run the command, exit with its status.
let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandLineInterface.run(arguments)
exit(status.rawValue)
