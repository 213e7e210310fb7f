package text

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// DefaultMaxBytes caps one document (a file, stdin, or a JSONL line) when
// ReadOptions.MaxBytes is 0. It is the one document limit of the command
// line, the API (server) and Beam: pipeline.Extract refuses a longer text.
// News articles are tens of kilobytes; a larger input is a dump or a
// mistake, and analysing it would hold hundreds of megabytes at once, so it
// is reported instead.
const DefaultMaxBytes = 2 << 20

// ReadOptions configure Read.
type ReadOptions struct {
	// JSONL reads one JSON object a line, {"id": ..., "text": ...,
	// "date": "YYYY-MM-DD"} (id and date optional), instead of one document
	// a file.
	JSONL bool
	// Stdin is read for the argument "-" (and when there are no arguments).
	Stdin io.Reader
	// MaxBytes caps one document; 0 means DefaultMaxBytes.
	MaxBytes int
}

// Read streams the documents named by args: files, directories (walked
// recursively in lexical order for *.txt files, or *.jsonl files with
// opt.JSONL) and "-" for standard input; no args means standard input. A
// plain file is one document whose ID is its name without ".txt"; a JSONL
// line without an id gets "name:line". Files are opened one at a time as
// the consumer asks for documents. Each bad input (an unreadable file,
// binary or invalid UTF-8 content, an empty document, a bad JSON line or
// date, a document over the size cap) yields (nil, error) with an error
// naming it, and reading goes on with the next document.
func Read(args []string, opt ReadOptions) iter.Seq2[*onrecord.Document, error] {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	return func(yield func(*onrecord.Document, error) bool) {
		r := reader{opt: opt, yield: yield}
		for _, a := range args {
			if !r.arg(a) {
				return
			}
		}
	}
}

type reader struct {
	opt   ReadOptions
	yield func(*onrecord.Document, error) bool
	line  []byte // JSONL line buffer, reused
}

// arg reads one argument; it returns false when the consumer stopped.
func (r *reader) arg(a string) bool {
	if a == "-" {
		if r.opt.Stdin == nil {
			return r.yield(nil, errors.New("stdin: no standard input"))
		}
		return r.stream("stdin", "stdin", r.opt.Stdin, -1)
	}
	info, err := os.Stat(a)
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", a, err))
	}
	if !info.IsDir() {
		return r.file(a)
	}
	ext := ".txt"
	if r.opt.JSONL {
		ext = ".jsonl"
	}
	more := true
	// WalkDir visits entries in lexical order and reads one directory at
	// a time, so a large tree is never listed into memory at once.
	err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			more = r.yield(nil, fmt.Errorf("read %s: %w", path, err))
		} else if !d.IsDir() && strings.HasSuffix(path, ext) {
			more = r.file(path)
		}
		if !more {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && more {
		more = r.yield(nil, fmt.Errorf("walk %s: %w", a, err))
	}
	return more
}

func (r *reader) file(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", path, err))
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	name := filepath.Base(path)
	id := strings.TrimSuffix(name, ".txt")
	if r.opt.JSONL {
		id = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return r.stream(path, id, f, size)
}

// stream reads one source named name (for errors): one document with the
// given ID, or with opt.JSONL one a line with IDs id:line by default. size
// is the byte size when known, else -1.
func (r *reader) stream(name, id string, in io.Reader, size int64) bool {
	if r.opt.JSONL {
		return r.jsonl(name, id, in)
	}
	if size > int64(r.opt.MaxBytes) {
		return r.yield(nil, fmt.Errorf("read %s: %d bytes is over the %d-byte document limit", name, size, r.opt.MaxBytes))
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(in, int64(r.opt.MaxBytes)+1)); err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", name, err))
	}
	raw := buf.Bytes()
	if len(raw) > r.opt.MaxBytes {
		return r.yield(nil, fmt.Errorf("read %s: over the %d-byte document limit", name, r.opt.MaxBytes))
	}
	d, err := NewDocument(id, raw)
	if err != nil {
		return r.yield(nil, fmt.Errorf("read %s: %w", name, err))
	}
	if d.Date == "" {
		d.Date = dateInName(id)
	}
	return r.yield(d, nil)
}

// dateInName finds a YYYY-MM-DD date in a file name, the way news archives
// name articles ("nyt_2016-09-20_slug"), for texts without a date header.
func dateInName(id string) string {
	for i := 0; i+10 <= len(id); i++ {
		c := id[i : i+10]
		if (i == 0 || !isDigit(id[i-1])) && (i+10 == len(id) || !isDigit(id[i+10])) && checkDate(c) == nil {
			return c
		}
	}
	return ""
}

// jsonRecord is one JSONL line. Pointers tell a missing field from an
// empty one.
type jsonRecord struct {
	ID   *string `json:"id"`
	Text *string `json:"text"`
	Date *string `json:"date"`
}

func (r *reader) jsonl(name, id string, in io.Reader) bool {
	br := bufio.NewReaderSize(in, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := r.readLine(br)
		where := name + ":" + strconv.Itoa(n)
		if err != nil && err != io.EOF {
			return r.yield(nil, fmt.Errorf("read %s: %w", where, err))
		}
		if tooLong {
			if !r.yield(nil, fmt.Errorf("read %s: line over the %d-byte document limit", where, r.opt.MaxBytes)) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			d, derr := decodeLine(line, id+":"+strconv.Itoa(n))
			if derr != nil {
				derr = fmt.Errorf("read %s: %w", where, derr)
			}
			if !r.yield(d, derr) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line without its line ending into r.line. A line
// over the cap is skipped to its end and reported as tooLong.
func (r *reader) readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	r.line = r.line[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(r.line)+len(chunk) > r.opt.MaxBytes+2 { // +2: the line ending
				tooLong = true
				r.line = r.line[:0]
			} else {
				r.line = append(r.line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = r.line
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		return line, tooLong, err
	}
}

// decodeLine turns one JSONL line into a document; defaultID is used when
// the line has no id.
func decodeLine(line []byte, defaultID string) (*onrecord.Document, error) {
	if !utf8.Valid(line) {
		return nil, fmt.Errorf("invalid UTF-8 at byte offset %d", invalidAt(line))
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("bad JSON: %w", err)
	}
	id := defaultID
	if rec.ID != nil && *rec.ID != "" {
		id = *rec.ID
	}
	if rec.Text == nil {
		return nil, fmt.Errorf("%s: no \"text\" field", id)
	}
	d, err := NewDocument(id, []byte(*rec.Text))
	if err != nil {
		return nil, err
	}
	if rec.Date != nil && *rec.Date != "" {
		if err := checkDate(*rec.Date); err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		d.Date = *rec.Date // an explicit date wins over a header in the text
	}
	return d, nil
}
