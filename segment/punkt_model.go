package segment

import (
	_ "embed"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// punktModelPath names the embedded model in errors and tests.
const punktModelPath = "data/punkt/english.txt"

// punktModelText is what fastPunkt reads of neurosnap's English Punkt
// model, written out as lines by TestPunktModelFile. Reading it here,
// rather than the gzipped JSON of neurosnap's english package, spares every
// process the gunzip and encoding/json into Go maps that dominated the
// start of a short run; neurosnap's model is loaded only for its own passes
// (loadNeurosnapPunkt). It lives outside data/*.txt so that the lexicon's
// embed does not hold a second copy.
//
//go:embed data/punkt/english.txt
var punktModelText string

// punktModel is the parsed model: each of the model's four tables, with
// their values, in the order of the file.
type punktModel struct {
	abbrevs, collocations, starters, ortho []modelEntry
}

// modelEntry is one key of the model and its value: 1 for a member of a
// set, the orthographic context flags for ortho.
type modelEntry struct {
	key string
	val uint8
}

// parsePunktModel reads the line format of data/punkt/english.txt: one
// entry a line, a mode ("abbrev", "colloc", "starter", or "ortho" and its
// flags in decimal), a space, then the key, Go-quoted when it has spaces
// at either end, is empty, starts with a quote or holds a line break.
// Blank lines and lines starting with "#" are comments, as in the other
// data files. Keys not quoted are substrings of text, not copies. Every
// process that segments runs this
// over 20,000 lines, so it scans bytes itself rather than cutting each
// line with strings and strconv.
func parsePunktModel(text string) (*punktModel, error) {
	// Nearly every line is an ortho entry: one allocation holds them.
	m := &punktModel{ortho: make([]modelEntry, 0, strings.Count(text, "\n")+1)}
	n := 0
	for rest := text; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		n++
		if line != "" && (line[0] <= ' ' || line[len(line)-1] <= ' ') {
			line = strings.TrimSpace(line)
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if err := m.addLine(line); err != nil {
			return nil, fmt.Errorf("segment: %s:%d: %w", punktModelPath, n, err)
		}
	}
	if len(m.abbrevs) == 0 || len(m.ortho) == 0 {
		return nil, fmt.Errorf("segment: %s: no abbreviations or no orthographic context", punktModelPath)
	}
	return m, nil
}

// addLine adds the entry of one line that is not a comment.
func (m *punktModel) addLine(line string) error {
	var dst *[]modelEntry
	val := uint8(1)
	key := ""
	switch {
	case strings.HasPrefix(line, "ortho "):
		// The flags: one to three digits, from 1 to 255.
		f, i := 0, len("ortho ")
		for ; i < len(line) && '0' <= line[i] && line[i] <= '9' && f <= 255; i++ {
			f = f*10 + int(line[i]-'0')
		}
		if f == 0 || f > 255 || i == len(line) || line[i] != ' ' {
			return fmt.Errorf("%q: want ortho, flags from 1 to 255 and a key", line)
		}
		dst, val, key = &m.ortho, uint8(f), line[i+1:]
	case strings.HasPrefix(line, "abbrev "):
		dst, key = &m.abbrevs, line[len("abbrev "):]
	case strings.HasPrefix(line, "colloc "):
		dst, key = &m.collocations, line[len("colloc "):]
	case strings.HasPrefix(line, "starter "):
		dst, key = &m.starters, line[len("starter "):]
	default:
		mode, _, ok := strings.Cut(line, " ")
		if !ok {
			return fmt.Errorf("%q: want a mode, a space and a key", line)
		}
		return fmt.Errorf("%q: unknown mode %q", line, mode)
	}
	if key != "" && key[0] == '"' {
		var err error
		if key, err = strconv.Unquote(key); err != nil {
			return fmt.Errorf("%q: bad quoted key: %w", line, err)
		}
	}
	*dst = append(*dst, modelEntry{key: key, val: val})
	return nil
}

// modelTable maps the keys of one table of the model to their values,
// 0 for a key it does not hold, as neurosnap's SetString reads. It holds
// no pointers but its keys string and its slot slice, so the garbage
// collector has nothing to scan in it, where a map[string]int of 20,000
// keys costs a streaming Scanner a walk over every key in every cycle.
//
// It is an open-addressing hash table with linear probing. A slot's meta
// packs where its key is in keys (bits 0-31), the key's length (32-39),
// its value (40-47) and 16 more bits of the key's hash (48-63), which
// reject nearly every other key; an empty slot's meta is 0, which no
// entry's is, its length being at least 1. A slot also holds its key's
// last word (hashModelKey), which for a key of up to eight bytes, most
// words, is the whole key: such a lookup reads one slot and never keys.
type modelTable struct {
	keys  string
	slots []modelSlot
	mask  uint64
	empty uint8 // the value of "", which has no slot
}

// modelSlot is one slot of a modelTable.
type modelSlot struct {
	meta, last uint64
}

// slotMatch selects the bits of a slot's meta that hold its key's hash and
// length, which a key must match before it is compared.
const slotMatch = 1<<64 - 1<<48 | 0xff<<32

// maxModelKey is the length of the longest key a slot can hold.
const maxModelKey = 255

var errModelKeyTooLong = errors.New("segment: a Punkt model key is longer than 255 bytes")

// newModelTable builds the table of entries. A later entry for the same
// key replaces an earlier one.
func newModelTable(entries []modelEntry) (modelTable, error) {
	size := 16
	for size < len(entries)*2 {
		size *= 2 // keep the load at or under 1/2: short probe runs
	}
	total := 0
	for _, e := range entries {
		total += len(e.key)
	}
	var b strings.Builder
	b.Grow(total)
	for _, e := range entries {
		b.WriteString(e.key)
	}
	t := modelTable{keys: b.String(), slots: make([]modelSlot, size), mask: uint64(size - 1)}
	// Fresh memory from the system reads as zero without being written;
	// writing it first makes each page fault once, where the inserts
	// below, which read a slot before they write it, would fault twice,
	// the second time flushing every core's TLB: most of a process's
	// start.
	clear(t.slots)
	off := 0
	for _, e := range entries {
		key := e.key
		if len(key) > maxModelKey {
			return modelTable{}, fmt.Errorf("%w: %q", errModelKeyTooLong, key)
		}
		if key == "" {
			t.empty = e.val
			continue
		}
		h, last := hashModelKey(key)
		slot := modelSlot{meta: uint64(off) | uint64(len(key))<<32 | uint64(e.val)<<40 | h&^(1<<48-1), last: last}
		off += len(key)
		i := h & t.mask
		for ; t.slots[i].meta != 0; i = (i + 1) & t.mask {
			if t.slots[i].meta&slotMatch == slot.meta&slotMatch && t.slotKey(t.slots[i].meta) == key {
				break // the same key again: the later value wins
			}
		}
		t.slots[i] = slot
	}
	return t, nil
}

// slotKey returns the key of a slot's meta that is not empty.
func (t *modelTable) slotKey(meta uint64) string {
	off := uint32(meta)
	return t.keys[off : off+uint32(uint8(meta>>32))]
}

// get returns the value of key, 0 when the table does not hold it.
func (t *modelTable) get(key []byte) uint8 { return tableGet(t, key) }

// getString is get for a string key.
func (t *modelTable) getString(key string) uint8 { return tableGet(t, key) }

// tableGet is get and getString: one body for both key types, compiled for
// each, so that neither converts (and copies) its key.
func tableGet[K string | []byte](t *modelTable, key K) uint8 {
	n := len(key)
	if n == 0 {
		return t.empty
	}
	if n > maxModelKey {
		return 0
	}
	h, last := hashModelKey(key)
	want := h&^(1<<48-1) | uint64(n)<<32
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.meta == 0 {
			return 0
		}
		if s.meta&slotMatch == want && s.last == last {
			// The last word is the whole of a short key.
			if n <= 8 || string(key) == t.slotKey(s.meta) {
				return uint8(s.meta >> 40)
			}
		}
	}
}

// hashModelKey hashes a key of at least one byte for modelTable and
// returns its last word: the last one to eight bytes, read as overlapping
// little-endian words, which with the key's length are the whole of a key
// of up to eight bytes. Each earlier eight bytes are folded in with a
// 64x64-bit multiply, so a short word costs one multiply. The table is
// fixed and keys are compared in full, so the hash needs to spread keys,
// not resist crafted ones.
func hashModelKey[K string | []byte](k K) (h, last uint64) {
	const (
		m0 = 0x9e3779b97f4a7c15 // 2^64 divided by the golden ratio, odd
		m1 = 0xc2b2ae3d27d4eb4f // an odd constant with well spread bits
	)
	n := len(k)
	h = uint64(n) * m0
	i := 0
	for ; n-i > 8; i += 8 {
		h = foldHash(h^keyLoad64(k, i), m1)
	}
	if n-i >= 4 {
		last = uint64(keyLoad32(k, i)) | uint64(keyLoad32(k, n-4))<<32
	} else {
		last = uint64(k[i]) | uint64(k[i+(n-i)/2])<<8 | uint64(k[n-1])<<16
	}
	return foldHash(h^last, m0), last
}

// foldHash multiplies x by m into 128 bits and folds the halves together:
// every input bit reaches the high bits, which select the slot's tag.
func foldHash(x, m uint64) uint64 {
	hi, lo := bits.Mul64(x, m)
	return hi ^ lo
}

// keyLoad64 reads the eight bytes of k from i as a little-endian word.
func keyLoad64[K string | []byte](k K, i int) uint64 {
	_ = k[i+7]
	return uint64(k[i]) | uint64(k[i+1])<<8 | uint64(k[i+2])<<16 | uint64(k[i+3])<<24 |
		uint64(k[i+4])<<32 | uint64(k[i+5])<<40 | uint64(k[i+6])<<48 | uint64(k[i+7])<<56
}

// keyLoad32 reads the four bytes of k from i as a little-endian word.
func keyLoad32[K string | []byte](k K, i int) uint32 {
	_ = k[i+3]
	return uint32(k[i]) | uint32(k[i+1])<<8 | uint32(k[i+2])<<16 | uint32(k[i+3])<<24
}
