package main

import (
	stdzip "archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newRepo makes a git repository holding files (path: content) in one
// commit and returns its directory.
func newRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "files"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir
}

func TestBuild(t *testing.T) {
	const gomod = "module example.com/m\n\ngo 1.25.0\n"
	tests := []struct {
		name    string
		files   map[string]string
		version string
		wantErr []string // substrings of the error; none means success
		wantZip []string // the files of the zip, when given
	}{
		{
			name: "clean tree",
			files: map[string]string{
				"go.mod": gomod, "m.go": "package m\n",
				"testdata/fuzz/FuzzX/blank-lines": "go test fuzz v1\n",
				"nested/go.mod":                   "module example.com/m/nested\n",
			},
			version: "v0.1.0",
			// The nested module is left out, as the go command does.
			wantZip: []string{"go.mod", "m.go", "testdata/fuzz/FuzzX/blank-lines"},
		},
		{
			name: "Windows device names",
			files: map[string]string{
				"go.mod": gomod, "m.go": "package m\n",
				"testdata/fuzz/FuzzX/nul": "go test fuzz v1\n",
				"AUX.txt":                 "x\n",
			},
			version: "v0.1.0",
			wantErr: []string{
				`testdata/fuzz/FuzzX/nul: malformed file path`,
				`AUX.txt: malformed file path`,
			},
		},
		{
			name: "names equal up to case",
			files: map[string]string{
				"go.mod": gomod, "m.go": "package m\n", "README": "a\n", "readme": "b\n",
			},
			version: "v0.1.0",
			wantErr: []string{"case-insensitive file name collision"},
		},
		{
			name:    "pseudo-version by default",
			files:   map[string]string{"go.mod": gomod, "m.go": "package m\n"},
			version: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := newRepo(t, tt.files)
			proxy := t.TempDir()
			v, err := build(repo, "HEAD", tt.version, proxy)
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("build succeeded with version %s, want an error", v)
				}
				for _, want := range tt.wantErr {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not contain %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.version != "" && v != tt.version {
				t.Errorf("version %s, want %s", v, tt.version)
			}
			if tt.version == "" && !strings.HasPrefix(v, "v0.0.0-") {
				t.Errorf("version %s, want a v0.0.0- pseudo-version", v)
			}
			vdir := filepath.Join(proxy, "example.com", "m", "@v")
			for _, f := range []string{"list", v + ".info", v + ".mod", v + ".zip"} {
				if _, err := os.Stat(filepath.Join(vdir, f)); err != nil {
					t.Errorf("proxy file: %v", err)
				}
			}
			if tt.wantZip != nil {
				zr, err := stdzip.OpenReader(filepath.Join(vdir, v+".zip"))
				if err != nil {
					t.Fatal(err)
				}
				defer zr.Close()
				var got []string
				for _, f := range zr.File {
					got = append(got, strings.TrimPrefix(f.Name, "example.com/m@"+v+"/"))
				}
				slices.Sort(got)
				if !slices.Equal(got, tt.wantZip) {
					t.Errorf("zip holds %q, want %q", got, tt.wantZip)
				}
			}
			list, _ := os.ReadFile(filepath.Join(vdir, "list"))
			if string(list) != v+"\n" {
				t.Errorf("list = %q, want %q", list, v+"\n")
			}
		})
	}
}
