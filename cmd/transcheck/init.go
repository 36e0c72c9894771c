package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func newInitCmd(stdout, stderr io.Writer) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [flags] [FILE]",
		Short: "Write a commented default .transcheck.yaml",
		Long: `Write a commented default configuration to .transcheck.yaml (or FILE; '-'
for standard output). Every key is explained in the file.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := configName
			if len(args) == 1 {
				path = args[0]
			}
			return runInit(path, force, stdout)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

// runInit writes a commented default configuration file.
func runInit(path string, force bool, stdout io.Writer) error {
	if path == "-" {
		_, err := io.WriteString(stdout, defaultConfig)
		return err
	}
	if _, err := os.Stat(path); err == nil && !force {
		return usageErr("%s exists (pass --force to overwrite it)", path)
	}
	if err := writeFileOutput(path, []byte(defaultConfig)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return nil
}
