package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// writeOutput writes a report, baseline or configuration file at path
// through write, without ever replacing what is not a regular file:
//
//   - a path that does not exist, or a regular file, is written to a
//     temporary file beside it and renamed into place, so an interrupted
//     or failed write leaves the old file (or none) and no temporary file;
//   - a symbolic link is followed and its target replaced the same way,
//     so the link stays a link;
//   - anything else (a device such as /dev/null, a FIFO, /dev/stdout) is
//     opened and written through, as a shell redirection would: renaming
//     over it would turn a device into a regular file for every later
//     step of a CI job run as root.
func writeOutput(path string, write func(io.Writer) error) error {
	if err := writeOutputErr(path, write); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func writeOutputErr(path string, write func(io.Writer) error) error {
	info, err := os.Stat(path) // follows links
	switch {
	case err == nil && info.IsDir():
		return errors.New("is a folder (name a file in it)")
	case err == nil && info.Mode()&fs.ModeSocket != 0:
		return errors.New("is a socket, not a file (name a file or a FIFO)")
	case err == nil && !info.Mode().IsRegular():
		return writeThrough(path, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	target, err := linkTarget(path)
	if err != nil {
		return err
	}
	return writeAtomic(target, write)
}

// writeThrough writes into an existing special file in place.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// linkTarget follows path's chain of symbolic links to the file they
// name, which may not exist yet (a dangling link names the file to
// create). A path that is no link is its own target.
func linkTarget(path string) (string, error) {
	for range 40 {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// writeAtomic writes path through write into a temporary file beside it
// and renames it into place: a reader never sees half a file, and a
// failure leaves the old file intact and removes the temporary one. The
// file keeps the permissions of the one it replaces; a new one is
// readable by all (0644), as a report or baseline is shared.
func writeAtomic(path string, write func(io.Writer) error) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".transcheck-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	w := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeFileOutput writes data to path as writeOutput does.
func writeFileOutput(path string, data []byte) error {
	return writeOutput(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// siteDir checks that dir can take an HTML site: it does not exist, is
// empty, or holds only a site an earlier run wrote (index.html and
// doc-*.html pages), which the new one replaces.
func siteDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if parent := filepath.Dir(filepath.Clean(dir)); !isDir(parent) {
			return fmt.Errorf("folder %s does not exist (create it first)", parent)
		}
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name != "index.html" && !(strings.HasPrefix(name, "doc-") && strings.HasSuffix(name, ".html")) {
			return fmt.Errorf("%s holds %s, which is not a page of a transcheck report: name a new or empty folder", dir, name)
		}
	}
	return nil
}

// writeSite writes a folder of pages through write: into a new folder
// beside dir, which then takes dir's place, so a failed run leaves the old
// site whole and a new run leaves no page of an old one behind.
func writeSite(dir string, write func(create func(name string, write func(io.Writer) error) error) error) error {
	dir = filepath.Clean(dir)
	if err := siteDir(dir); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".transcheck-site-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	err = write(func(name string, w func(io.Writer) error) error {
		if name != filepath.Base(name) || name == "." || name == ".." {
			return fmt.Errorf("page name %q is not a file name", name)
		}
		return writeAtomic(filepath.Join(tmp, name), w)
	})
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}
