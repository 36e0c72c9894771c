//go:build unix

package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteOutputKeepsSpecialFiles: a report written to a device, a FIFO
// or through a symbolic link leaves each what it was, and each receives
// the report. Renaming a temporary file over /dev/null as root turns the
// device into a regular file for every later step of a CI job.
func TestWriteOutputKeepsSpecialFiles(t *testing.T) {
	report := []byte(`{"version":1}` + "\n")

	t.Run("device", func(t *testing.T) {
		dev := filepath.Join(t.TempDir(), "null")
		// Major 1, minor 3 is Linux's null device.
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			if errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EACCES) {
				t.Skipf("cannot make a device node here: %v", err)
			}
			t.Fatal(err)
		}
		if err := writeFileOutput(dev, report); err != nil {
			t.Fatal(err)
		}
		info, err := os.Lstat(dev)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("%s is now %v, want a character device", dev, info.Mode())
		}
		assertNoTemp(t, filepath.Dir(dev))
	})

	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		got := make(chan []byte)
		go func() {
			f, err := os.Open(fifo) // blocks until the writer opens it
			if err != nil {
				got <- nil
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- b
		}()
		if err := writeFileOutput(fifo, report); err != nil {
			t.Fatal(err)
		}
		info, err := os.Lstat(fifo)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode()&fs.ModeNamedPipe == 0 {
			// The reader may wait forever on the FIFO that was replaced.
			t.Fatalf("%s is now %v, want a FIFO", fifo, info.Mode())
		}
		if b := <-got; string(b) != string(report) {
			t.Errorf("the FIFO's reader got %q, want %q", b, report)
		}
	})

	t.Run("symlink", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "reports", "report.json")
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "latest.json")
		if err := os.Symlink("reports/report.json", link); err != nil {
			t.Fatal(err)
		}
		if err := writeFileOutput(link, report); err != nil {
			t.Fatal(err)
		}
		if dest, err := os.Readlink(link); err != nil || dest != "reports/report.json" {
			t.Errorf("the link now reads %q (%v), want reports/report.json", dest, err)
		}
		b, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != string(report) {
			t.Errorf("the link's target holds %q, want the report", b)
		}
		if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
			t.Errorf("the target's mode is %v, want 0600 as before", info.Mode().Perm())
		}
		assertNoTemp(t, dir)
		assertNoTemp(t, filepath.Dir(target))
	})

	t.Run("dangling symlink", func(t *testing.T) {
		dir := t.TempDir()
		link := filepath.Join(dir, "latest.json")
		if err := os.Symlink("new.json", link); err != nil {
			t.Fatal(err)
		}
		if err := writeFileOutput(link, report); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced (%v)", err)
		}
		if b, err := os.ReadFile(filepath.Join(dir, "new.json")); err != nil || string(b) != string(report) {
			t.Errorf("the link's target holds %q (%v), want the report", b, err)
		}
	})

	t.Run("socket", func(t *testing.T) {
		dir := t.TempDir()
		sock := filepath.Join(dir, "s")
		fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
		if err != nil {
			t.Skipf("no unix sockets here: %v", err)
		}
		defer syscall.Close(fd)
		if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
			t.Skipf("cannot bind a unix socket here: %v", err)
		}
		err = writeFileOutput(sock, report)
		if err == nil || !strings.Contains(err.Error(), "socket") {
			t.Errorf("writing to a socket gave %v, want an error that names it", err)
		}
		if info, err := os.Lstat(sock); err != nil || info.Mode()&fs.ModeSocket == 0 {
			t.Errorf("the socket was replaced (%v)", err)
		}
	})
}

// TestWriteOutputFailureKeepsOldFile: a write that fails part-way leaves
// the old report as it was and no temporary file.
func TestWriteOutputFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	diskFull := errors.New("disk full")
	err := writeOutput(path, func(w io.Writer) error {
		// More than the buffer holds, so part of it reaches the file.
		if _, err := w.Write([]byte(strings.Repeat("x", 200<<10))); err != nil {
			return err
		}
		return diskFull
	})
	if !errors.Is(err, diskFull) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want one that names %s and wraps the cause", err, path)
	}
	if b, _ := os.ReadFile(path); string(b) != "old report\n" {
		t.Errorf("the report now holds %d bytes, want the old report", len(b))
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".transcheck-") {
			t.Errorf("temporary file %s left in %s", e.Name(), dir)
		}
	}
}
