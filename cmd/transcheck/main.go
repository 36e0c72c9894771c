// Command transcheck checks translations: it finds what a translation left
// out, added or left untranslated, and reports it as tables, Markdown or
// JSON. Run `transcheck help` for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/transcheck/transcheck/pipeline"
)

func main() {
	pipeline.TuneMemory()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK    = 0 // the gate passed
	exitGate  = 1 // the gate failed
	exitUsage = 2 // usage, configuration or input error
	// exitInterrupted is the shell's code for a command ended by SIGINT
	// (128 + 2); SIGTERM ends the run the same way.
	exitInterrupted = 130
)

// exitError carries an exit code with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

const usage = `usage: transcheck <command> [flags] [arguments]

Commands:
  check PATH...   check the documents under PATH and report (default table)
  align SRC TGT   align the sentences of two files and print the beads
  detect FILE     print each segment of FILE with its language and confidence
  init [FILE]     write a commented default .transcheck.yaml
  help            show this help

Run 'transcheck <command> -h' for a command's flags.
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "check":
		err = runCheck(args[1:], stdout, stderr)
	case "align":
		err = runAlign(args[1:], stdout, stderr)
	case "init":
		err = runInit(args[1:], stdout, stderr)
	case "detect":
		err = runDetect(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "transcheck: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintf(stderr, "transcheck: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "transcheck: %v\n", err)
	return exitUsage
}
