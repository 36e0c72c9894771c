package main

import (
	"fmt"
	"io"
	"os"
)

// runInit writes a commented default configuration file.
func runInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("init", "[FILE]", stderr)
	force := fs.Bool("force", false, "overwrite an existing file")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	path := configName
	switch len(paths) {
	case 0:
	case 1:
		path = paths[0]
	default:
		return usageErr("init takes at most one FILE")
	}
	if path == "-" {
		_, err := io.WriteString(stdout, defaultConfig)
		return err
	}
	if _, err := os.Stat(path); err == nil && !*force {
		return usageErr("%s exists (pass --force to overwrite it)", path)
	}
	if err := writeFileOutput(path, []byte(defaultConfig)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return nil
}
