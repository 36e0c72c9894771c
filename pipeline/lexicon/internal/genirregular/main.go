// Command genirregular writes the irregular English verb forms of
// WordNet's morphological exception list (verb.exc: shot shoot, went go,
// began begin) to irregular.gz, which package lexicon embeds: the forms a
// Snowball stem does not bring back to their base (shot is not shoot,
// found is not find). The noun and adjective lists (children child,
// better good) were measured too and left out: they moved no alignment
// score and cost one of the sentence aligner's (make accuracy).
//
// It is run by go generate from the lexicon package directory, on a
// machine with WordNet's data (Debian: apt-get install wordnet-base):
//
//	go generate ./pipeline/lexicon/
//
// Output format (UTF-8, gzip, '#' lines are comments): one form a line,
// with its base forms in WordNet's order, space-separated:
//
//	form<TAB>base base...
//
// Only single words are kept (no multi-word forms such as "ran_away").
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/transcheck/transcheck/pipeline/lexicon/internal/table"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "folder of WordNet's *.exc files")
	out := flag.String("out", "irregular.gz", "output file")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genirregular:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	bases := map[string][]string{}
	for _, pos := range []string{"verb"} {
		path := filepath.Join(dir, pos+".exc")
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("%w (install WordNet's data: apt-get install wordnet-base)", err)
		}
		err = parse(f, bases)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	size, err := table.Write(out, []string{
		"Irregular English verb forms from WordNet 3.0's exception list (verb.exc).",
		"WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See WORDNET-LICENSE.md.",
	}, bases)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genirregular: %d forms, %d bytes compressed -> %s\n", len(bases), size, out)
	return nil
}

// parse reads one exception list: "form base [base...]" a line.
func parse(r io.Reader, bases map[string][]string) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) < 2 {
			return fmt.Errorf("line %d: a form with no base", line)
		}
		if !word(fs[0]) {
			continue
		}
		for _, b := range fs[1:] {
			if word(b) && b != fs[0] && !contains(bases[fs[0]], b) {
				bases[fs[0]] = append(bases[fs[0]], b)
			}
		}
	}
	return sc.Err()
}

// word reports whether s is a single lower-case word of letters.
func word(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
