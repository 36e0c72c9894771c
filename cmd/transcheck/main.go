// Command transcheck checks translations: it finds what a translation left
// out, added or left untranslated, and reports it as tables, Markdown or
// JSON. Run `transcheck --help` for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	// usage marks a mistake in the command line: the message is followed
	// by a hint to the command's help.
	usage bool
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr is an error in the command line or the configuration: exit 2.
func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// commandLineErr is a mistake in the command line itself: exit 2, with a
// hint to the command's help.
func commandLineErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...), usage: true}
}

// run runs the command line args and returns the exit code. It builds the
// commands afresh on each call, so tests call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		// A missing command is a usage error, not a passed gate.
		fmt.Fprintln(stderr, "transcheck: no command given (use check, filter, align, detect, stamp or init)")
		fmt.Fprintln(stderr, "Run 'transcheck --help' for usage.")
		return exitUsage
	}
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// Cobra's own errors (unknown command, flag or argument count)
		// are mistakes in the command line.
		ee = &exitError{code: exitUsage, err: err, usage: true}
	}
	if msg := ee.Error(); msg != "" {
		fmt.Fprintf(stderr, "transcheck: %s\n", strings.TrimRight(msg, "\n"))
	}
	if ee.usage {
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return ee.code
}

// newRootCmd returns the transcheck command with its subcommands.
func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "transcheck <command>",
		Short: "Check translations: what was left out, added, left untranslated or changed",
		Long: `transcheck evaluates translations. It reads documents that hold a text and
its translation (bilingual text, paired files, documentation trees, TMX,
XLIFF, PO, TSV), pairs each source sentence with its translation, and
reports omissions, additions, untranslated text, and numbers, names and
terms that changed. The exit code makes it a CI gate: 0 passed, 1 the gate
failed, 2 a usage, configuration or input error.`,
		Example: `  transcheck check docs/
  transcheck check --baseline .transcheck-baseline.json -o report.sarif -o report.md docs/
  transcheck align --lines source.txt target.txt`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("transcheck {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.CompletionOptions.HiddenDefaultCmd = false
	root.AddCommand(newCheckCmd(stdout, stderr), newAlignCmd(stdout, stderr),
		newDetectCmd(stdout, stderr), newInitCmd(stdout, stderr), newChecksCmd(stdout), newStampCmd(stdout, stderr),
		newFilterCmd(stdout, stderr))
	return root
}

// flagError says what was wrong with a flag and, for an unknown one, which
// flag of the command was probably meant.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	name, ok := unknownFlag(msg)
	if !ok {
		return commandLineErr("%s", msg)
	}
	var best string
	bestDist := 3 // suggest only close names
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := levenshtein.ComputeDistance(name, f.Name)
		if strings.HasPrefix(f.Name, name) && len(name) >= 3 {
			d = 1
		}
		if d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	if best != "" {
		return commandLineErr("%s (did you mean --%s?)", msg, best)
	}
	return commandLineErr("%s", msg)
}

// unknownFlag takes the flag's name out of pflag's "unknown flag: --name"
// and "unknown shorthand flag: 'x' in -x".
func unknownFlag(msg string) (string, bool) {
	if rest, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		return rest, true
	}
	return "", false
}

// version is the module version from the build information (v1.2.3 for
// `go install …@v1.2.3`), with the commit for a build from source.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	// A version Go stamped from the repository already names the commit.
	if rev != "" && !strings.Contains(v, shortRev(rev)) {
		v += " (commit " + shortRev(rev)
		if modified == "true" {
			v += ", modified"
		}
		v += ")"
	}
	return v
}

func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
