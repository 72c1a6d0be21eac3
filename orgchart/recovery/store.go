package recovery

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// Store is a folder of recovery copies.
type Store struct {
	dir string
}

// Copy describes one recovery copy found in a Store.
type Copy struct {
	PlanPath string    // absolute path of the plan it belongs to; "" for a never-saved plan
	Saved    time.Time // when the copy was written
	Size     int       // bytes of plan data
	File     string    // the recovery file itself (for messages)
}

// Untitled reports whether the copy belongs to a plan that was never saved.
func (c Copy) Untitled() bool { return c.PlanPath == "" }

// DefaultDir is where the app keeps recovery copies: orgplanner/recovery under
// the user's configuration folder (not the cache folder, which tools may empty).
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("recovery: finding the configuration folder: %w", err)
	}
	return filepath.Join(base, "orgplanner", "recovery"), nil
}

// Open returns the store in dir, creating the folder (mode 0700: plans are
// confidential) when needed. An empty dir means DefaultDir().
func Open(dir string) (*Store, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("recovery: creating %s: %w", dir, err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the folder of the store.
func (s *Store) Dir() string { return s.dir }

// Save writes data as the recovery copy of the plan at planPath ("" for a
// never-saved plan), atomically replacing any earlier copy of that plan.
func (s *Store) Save(planPath string, data []byte) error {
	key, abs, err := keyOf(planPath)
	if err != nil {
		return err
	}
	content := encodeCopy(abs, time.Now(), data)
	// Private: a copy is readable by its owner only, like the folder. A
	// killed Save's temporary file is removed by the next Save of the plan.
	if err := safefile.WriteFile(filepath.Join(s.dir, key+ext), content, safefile.Options{Private: true, Force: true}); err != nil {
		return fmt.Errorf("recovery: saving the copy of %s: %w", describe(abs), err)
	}
	return nil
}

// List returns every good recovery copy, newest first, plus a problem for
// each copy file that cannot be used (corrupt, truncated, unreadable). Bad
// files are left in place so nothing is deleted behind the user's back;
// RemoveFile deletes one once the user has been told.
func (s *Store) List() ([]Copy, []error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, []error{fmt.Errorf("recovery: reading %s: %w", s.dir, err)}
	}
	var copies []Copy
	var problems []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		file := filepath.Join(s.dir, e.Name())
		c, _, err := readCopy(file)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		copies = append(copies, c)
	}
	sort.Slice(copies, func(i, j int) bool { return copies[i].Saved.After(copies[j].Saved) })
	return copies, problems
}

// Find returns the recovery copy of the plan at planPath, if there is a good one.
func (s *Store) Find(planPath string) (Copy, bool, error) {
	key, _, err := keyOf(planPath)
	if err != nil {
		return Copy{}, false, err
	}
	c, _, err := readCopy(filepath.Join(s.dir, key+ext))
	if errors.Is(err, fs.ErrNotExist) {
		return Copy{}, false, nil
	}
	if err != nil {
		return Copy{}, false, err
	}
	return c, true, nil
}

// Load returns the plan bytes of a copy, after checking its checksum.
func (s *Store) Load(c Copy) ([]byte, error) {
	_, data, err := readCopy(c.File)
	return data, err
}

// Remove deletes the recovery copy of the plan at planPath; no copy is fine.
// Call it after the plan was saved and on a clean quit.
func (s *Store) Remove(planPath string) error {
	key, abs, err := keyOf(planPath)
	if err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(s.dir, key+ext)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("recovery: removing the copy of %s: %w", describe(abs), err)
	}
	return nil
}

// RemoveFile deletes one recovery file by its path (a Copy's File, or the
// file a List problem names), for copies the user chose to discard.
func (s *Store) RemoveFile(file string) error {
	if filepath.Dir(file) != filepath.Clean(s.dir) || !strings.HasSuffix(file, ext) {
		return fmt.Errorf("recovery: %s is not a recovery copy in %s", file, s.dir)
	}
	if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("recovery: removing %s: %w", file, err)
	}
	return nil
}

// ext marks recovery copy files; safefile's temporary files never end with it.
const ext = ".recovery.yaml"

// keyOf names a plan's copy file: a hash of its absolute path, so any path
// (long, with slashes or odd characters) maps to one safe file name.
func keyOf(planPath string) (key, abs string, err error) {
	if planPath == "" {
		return "untitled", "", nil
	}
	abs, err = filepath.Abs(planPath)
	if err != nil {
		return "", "", fmt.Errorf("recovery: resolving %s: %w", planPath, err)
	}
	sum := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(sum[:12]), abs, nil
}

func describe(abs string) string {
	if abs == "" {
		return "the untitled plan"
	}
	return abs
}
