// Command modproxy builds the module zip of a commit the way a Go module
// proxy does, and lays it out as a file-system GOPROXY, so that CI can install
// the module as a user would before it is published.
//
// Usage:
//
//	modproxy [-rev REV] [-version VERSION] REPO PROXYDIR
//
// It reads the go.mod of REV (default HEAD) in the git repository REPO,
// builds the zip of the committed tree (the files git archive lists, as the
// go command does) with golang.org/x/mod/zip, which
// applies the same rules as the go command and the proxies (no file names
// that are invalid on some system, no files over the size limits, nested
// modules and vendor directories left out), and writes
// PROXYDIR/MODULE/@v/{list,VERSION.info,VERSION.mod,VERSION.zip}. VERSION
// defaults to the pseudo-version of REV (v0.0.0-TIME-HASH). It prints
// VERSION on standard output.
//
// Any file the zip format rejects is an error that names the file and the
// reason, and the exit status is 1.
//
// It lives in a module of its own so that the library's go.mod does not
// depend on golang.org/x/mod.
package main

import (
	stdzip "archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

func main() {
	rev := flag.String("rev", "HEAD", "the git revision to package")
	version := flag.String("version", "", "the version to give it (default: its pseudo-version)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: modproxy [-rev REV] [-version VERSION] REPO PROXYDIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	v, err := build(flag.Arg(0), *rev, *version, flag.Arg(1))
	if err != nil {
		fmt.Fprintf(os.Stderr, "modproxy: %v\n", err)
		os.Exit(1)
	}
	fmt.Println(v)
}

// build packages rev of repo into the proxy directory dir and returns the
// version it was given.
func build(repo, rev, version, dir string) (string, error) {
	gomod, err := git(repo, "show", rev+":go.mod")
	if err != nil {
		return "", err
	}
	path := modfile.ModulePath(gomod)
	if path == "" {
		return "", fmt.Errorf("%s:go.mod has no module line", rev)
	}
	info, err := git(repo, "show", "-s", "--format=%H %ct", rev)
	if err != nil {
		return "", err
	}
	hash, secs, _ := strings.Cut(strings.TrimSpace(string(info)), " ")
	unix, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return "", fmt.Errorf("commit time of %s: %w", rev, err)
	}
	t := time.Unix(unix, 0).UTC()
	if version == "" {
		version = module.PseudoVersion("v0", "", t, hash[:12])
	}
	mv := module.Version{Path: path, Version: version}
	if err := module.Check(mv.Path, mv.Version); err != nil {
		return "", err
	}

	escPath, err := module.EscapePath(mv.Path)
	if err != nil {
		return "", err
	}
	escVer, err := module.EscapeVersion(mv.Version)
	if err != nil {
		return "", err
	}
	vdir := filepath.Join(dir, escPath, "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		return "", err
	}
	base := filepath.Join(vdir, escVer)

	zf, err := os.Create(base + ".zip")
	if err != nil {
		return "", err
	}
	err = create(zf, mv, repo, hash)
	if cerr := zf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(base + ".zip")
		return "", fmt.Errorf("module zip of %s: %w", mv, err)
	}
	// Read the zip back as the go command would before it unpacks it.
	if _, err := zip.CheckZip(mv, base+".zip"); err != nil {
		return "", fmt.Errorf("checking the module zip of %s: %w", mv, err)
	}

	infoJSON, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{mv.Version, t})
	if err != nil {
		return "", err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{base + ".mod", gomod},
		{base + ".info", infoJSON},
		{filepath.Join(vdir, "list"), []byte(mv.Version + "\n")},
	} {
		if err := os.WriteFile(f.name, f.data, 0o644); err != nil {
			return "", err
		}
	}
	return mv.Version, nil
}

// create writes the module zip of the tree of commit hash to w. It lists the
// files with git archive, as zip.CreateFromVCS and the go command do;
// CreateFromVCS itself does not recognise a linked worktree, whose .git is a
// file, as a repository.
func create(w io.Writer, mv module.Version, repo, hash string) error {
	data, err := git(repo, "-c", "core.autocrlf=input", "-c", "core.eol=lf", "archive", "--format=zip", hash)
	if err != nil {
		return err
	}
	zr, err := stdzip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("reading git archive: %w", err)
	}
	var files []zip.File
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, "/") {
			files = append(files, archived{f})
		}
	}
	return zip.Create(w, mv, files)
}

// archived is a file of a git archive, as zip.Create reads it.
type archived struct{ f *stdzip.File }

func (a archived) Path() string                 { return a.f.Name }
func (a archived) Lstat() (fs.FileInfo, error)  { return a.f.FileInfo(), nil }
func (a archived) Open() (io.ReadCloser, error) { return a.f.Open() }

// git runs git in repo and returns its standard output.
func git(repo string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			return nil, fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
		}
		return nil, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, msg)
	}
	return out, nil
}
