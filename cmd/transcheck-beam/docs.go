package main

import (
	"context"
	"io"
)

type docsOptions struct{}
type docInput struct{}
type docReport struct{}
type unread struct{}

func runDocs(ctx context.Context, args []string, stdout, stderr io.Writer) error { return nil }
